/*
 * The "we are checking" page (templates/verify/checking.html). Without JavaScript the page reloads itself
 * until the check is done; with it, this script asks the server once a second instead, quietly, and goes to
 * the next page once. After a minute it says, once, in the page's status region, that it takes longer than
 * usual. The words come from the page.
 */
(function () {
  'use strict';

  var page = document.getElementById('checking');
  if (!page || typeof window.fetch !== 'function') {
    return;
  }
  var statusUrl = page.getAttribute('data-status-url');
  var nextUrl = page.getAttribute('data-next-url');
  var usualWait = Number(page.getAttribute('data-usual-wait-seconds')) * 1000;
  var startedAt = Date.now() - Number(page.getAttribute('data-waited-seconds')) * 1000;
  var region = document.getElementById('checking-status');

  function sayItTakesLongerThanUsual() {
    if (document.getElementById('taking-long')) {
      return;
    }
    var alert = document.createElement('div');
    alert.className = 'usa-alert usa-alert--warning';
    alert.id = 'taking-long';
    var body = document.createElement('div');
    body.className = 'usa-alert__body';
    var heading = document.createElement('h2');
    heading.className = 'usa-alert__heading';
    heading.textContent = page.getAttribute('data-long-heading');
    var text = document.createElement('p');
    text.className = 'usa-alert__text';
    text.textContent = page.getAttribute('data-long-body');
    body.appendChild(heading);
    body.appendChild(text);
    alert.appendChild(body);
    region.appendChild(alert);
  }

  function ask() {
    fetch(statusUrl, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : { checking: true };
      })
      .then(function (status) {
        if (!status.checking) {
          window.location.replace(nextUrl);
          return;
        }
        if (Date.now() - startedAt >= usualWait) {
          sayItTakesLongerThanUsual();
        }
        window.setTimeout(ask, 1000);
      }, function () {
        window.setTimeout(ask, 2000); // the network hiccupped: ask again a little later
      });
  }

  window.setTimeout(ask, 1000);
}());
