// The error recorder the cross-browser suite puts first on every page it
// loads (tests/browsers/lib/server.mjs): uncaught errors, unhandled
// rejections, CSP violations, resources that failed to load and
// console.error calls, kept in window.__browserTestErrors for the test to
// read. A classic script with no inline code, so a strict CSP allows it.
(function () {
  'use strict';
  var errors = [];
  window.__browserTestErrors = errors;
  function note(kind, text) {
    errors.push(kind + ': ' + text);
  }
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && target.tagName) {
      note('resource', target.tagName.toLowerCase() + ' ' + (target.src || target.href || ''));
    } else {
      note('error', (event.message || String(event.error)) + ' at ' + (event.filename || '?') + ':' + (event.lineno || 0));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    note('unhandledrejection', reason && reason.message ? reason.message : String(reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    note('csp', event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
  });
  var original = console.error;
  console.error = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
    note('console.error', parts.join(' '));
    return original.apply(console, arguments);
  };
})();
