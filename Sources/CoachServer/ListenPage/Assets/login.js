// Trailbrake listen page: sign-in. A login link carries its secret after "#", which the
// browser never sends to the server; this posts it with the sign-in form, once, and takes it
// out of the address bar and history first.
'use strict';
(() => {
  const form = document.getElementById('signin-form');
  const secret = location.hash.slice(1);
  if (!form || secret === '') return;
  history.replaceState(null, '', location.pathname);
  form.elements.link.value = secret;
  form.submit();
})();
