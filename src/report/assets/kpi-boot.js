// First script on the page: count every uncaught error and rejection on <html data-script-errors>
// and list it in <pre id="script-errors">, so a reader (and the browser test) sees a broken page.
(function () {
  'use strict';
  var root = document.documentElement;
  var pending = [];
  function show(line) {
    var pre = document.getElementById('script-errors');
    if (!pre) { pending.push(line); return; }
    pre.hidden = false;
    pre.appendChild(document.createTextNode(line + '\n'));
  }
  function report(message) {
    root.dataset.scriptErrors = String((Number(root.dataset.scriptErrors) || 0) + 1);
    show(String(message));
  }
  window.onerror = function (message, source, line, column) {
    report(String(message) + (line ? ' (line ' + line + ':' + (column || 0) + ')' : ''));
  };
  window.addEventListener('unhandledrejection', function (event) {
    var r = event.reason;
    report('unhandled rejection: ' + (r && r.message ? r.message : String(r)));
  });
  document.addEventListener('DOMContentLoaded', function () {
    var lines = pending;
    pending = [];
    lines.forEach(show);
  });
  window.gitCharterReportError = report;
})();
