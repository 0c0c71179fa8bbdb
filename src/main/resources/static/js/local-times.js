/*
 * Moments the server wrote in UTC (a lockout's end, a deadline: elements with data-local-time, an ISO instant, and
 * data-utc-text, the UTC words in the element) are rewritten in the browser's own time zone, named, in the page's
 * language. Without JavaScript the page keeps UTC, which it names.
 */
(function () {
  'use strict';

  if (typeof Intl === 'undefined' || !Intl.DateTimeFormat) {
    return;
  }
  var language = document.documentElement.lang || 'en';
  var zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') {
    return; // the server's words already say it in UTC
  }
  var format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'long' });
  document.querySelectorAll('[data-local-time][data-utc-text]').forEach(function (element) {
    var moment = new Date(element.getAttribute('data-local-time'));
    var utcText = element.getAttribute('data-utc-text');
    if (isNaN(moment.getTime()) || !utcText || element.textContent.indexOf(utcText) < 0) {
      return;
    }
    element.textContent = element.textContent.replace(utcText, format.format(moment));
  });
})();
