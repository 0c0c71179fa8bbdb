/*
 * The personal key page (templates/verify/SavePersonalKey.html): shows its Print and Copy buttons, which
 * are hidden in the page so that without JavaScript no button does nothing. The words come from the page.
 */
(function () {
  'use strict';

  var actions = document.getElementById('personal-key-actions');
  var key = document.getElementById('personal-key');
  if (!actions || !key) {
    return;
  }
  var copy = document.getElementById('copy-personal-key');
  var status = document.getElementById('personal-key-copy-status');

  document.getElementById('print-personal-key').addEventListener('click', function () {
    window.print();
  });

  if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    copy.addEventListener('click', function () {
      status.textContent = '';
      navigator.clipboard.writeText(key.textContent.trim()).then(function () {
        status.textContent = copy.getAttribute('data-copied');
      }, function () {
        status.textContent = copy.getAttribute('data-copy-failed');
      });
    });
  } else {
    // No clipboard here (an older browser, or a page not served over HTTPS): print and writing it down remain.
    copy.parentNode.parentNode.removeChild(copy.parentNode);
  }

  actions.hidden = false;
}());
