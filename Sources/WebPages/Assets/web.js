// Trailbrake drivers' pages: a shared cursor across a lap's charts (pointer or arrow keys),
// and the reader's time zone for dates (a cookie the server reads). Pages work without it.
'use strict';
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('trailbrake_tz=' + zone) < 0) {
      document.cookie = 'trailbrake_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) { /* no Intl: dates stay in UTC */ }

  var charts = Array.prototype.slice.call(document.querySelectorAll('#charts svg.chart'));
  if (!charts.length) { return; }
  var ns = 'http://www.w3.org/2000/svg';
  var cursors = charts.map(function (svg) {
    var line = document.createElementNS(ns, 'line');
    line.setAttribute('class', 'cursor');
    line.setAttribute('y1', '0');
    line.setAttribute('y2', svg.viewBox.baseVal.height);
    line.style.display = 'none';
    svg.appendChild(line);
    svg.setAttribute('tabindex', '0');
    return line;
  });
  var position = -1;
  function show(x) {
    position = Math.max(0, Math.min(800, x));
    cursors.forEach(function (line) {
      line.setAttribute('x1', position);
      line.setAttribute('x2', position);
      line.style.display = '';
    });
  }
  charts.forEach(function (svg) {
    svg.addEventListener('pointermove', function (event) {
      var box = svg.getBoundingClientRect();
      show((event.clientX - box.left) / box.width * 800);
    });
    svg.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        show((position < 0 ? 0 : position) + (event.key === 'ArrowRight' ? 8 : -8));
        event.preventDefault();
      }
    });
  });
})();
