/*
 * The review page's Social Security number is masked (a password field); this shows the checkbox that reveals it,
 * hidden in the page so that without JavaScript no control does nothing.
 */
(function () {
  'use strict';

  var reveal = document.getElementById('reveal-ssn');
  var show = document.getElementById('show-ssn');
  var ssn = document.getElementById('ssn');
  if (!reveal || !show || !ssn) {
    return;
  }
  reveal.hidden = false;
  show.addEventListener('change', function () {
    ssn.type = show.checked ? 'text' : 'password';
  });
})();
