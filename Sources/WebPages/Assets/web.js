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

// The references page's upload: the file goes as the request body (no multipart parser on the
// server), the form's other fields in the query, the CSRF token in a header; the server answers
// with the page, which replaces this one.
(function () {
  var form = document.getElementById('reference-upload');
  if (!form || !window.fetch) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.querySelector('input[type=file]').files[0];
    if (!file) { return; }
    var query = ['name', 'track', 'configuration', 'length'].map(function (key) {
      var value = key === 'name' ? file.name : form.querySelector('input[name=' + key + ']').value;
      return key + '=' + encodeURIComponent(value);
    }).join('&');
    form.querySelector('button').disabled = true;
    fetch('/references/import?' + query, {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': form.getAttribute('data-csrf') }
    }).then(function (response) { return response.text(); }).then(function (html) {
      document.open(); document.write(html); document.close();
    });
  });
})();

// The team page: each shared driver's live panel from the listen socket (?driver=ID), the same
// read-only mirror the driver's own listen page uses. Without script the page shows stored laps.
(function () {
  var panels = Array.prototype.slice.call(document.querySelectorAll('[data-live-driver]'));
  if (!panels.length || typeof WebSocket === 'undefined') { return; }
  function lapTime(seconds) {
    var minutes = Math.floor(seconds / 60), rest = seconds - minutes * 60;
    return minutes + ':' + (rest < 10 ? '0' : '') + rest.toFixed(3);
  }
  function keep(list, node, most) {
    list.insertBefore(node, list.firstChild);
    while (list.children.length > most) { list.removeChild(list.lastChild); }
  }
  panels.forEach(function (panel) {
    var id = panel.getAttribute('data-live-driver');
    var state = panel.querySelector('.live-state'), delta = panel.querySelector('.live-delta');
    var cues = panel.querySelector('.live-cues');
    var laps = panel.parentNode.querySelector('.live-laps');
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var socket = new WebSocket(scheme + '//' + location.host + '/api/v1/coaching/listen?driver=' + encodeURIComponent(id));
    socket.onmessage = function (event) {
      if (typeof event.data !== 'string') { return; }  // voice clips: the team page shows, it does not speak
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === 'welcome') {
        state.textContent = panel.getAttribute('data-live-text');
      } else if (message.type === 'session_ended') {
        state.textContent = panel.getAttribute('data-idle-text');
      } else if (message.type === 'delta' && typeof message.delta === 'number') {
        delta.textContent = (message.delta > 0 ? '+' : '') + message.delta.toFixed(2);
      } else if (message.type === 'cue' && typeof message.text === 'string') {
        var item = document.createElement('li');
        item.textContent = message.text;
        if (message.topic === 'team_message') { item.className = 'team-cue'; }
        keep(cues, item, 3);
      } else if (message.type === 'lap' && laps) {
        var row = document.createElement('tr');
        [String(message.lap), typeof message.time === 'number' ? lapTime(message.time) : '–', message.valid ? '✓' : '✗']
          .forEach(function (text, index) {
            var cell = document.createElement('td');
            cell.textContent = text;
            if (index < 2) { cell.className = 'num'; }
            row.appendChild(cell);
          });
        keep(laps, row, 5);
      }
    };
  });
})();
