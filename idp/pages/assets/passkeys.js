/* global window, document, HTMLFormElement */
// The IdP pages' passkey steps, on top of @simplewebauthn/browser (global SimpleWebAuthnBrowser,
// loaded before this file). Each form works the same way: ask the server for options (and the
// ticket naming their challenge), let the browser make or use the passkey, then post the answer
// with the form, so the server's answer is an ordinary page. Served as a file: the CSP allows
// no inline script without the page's nonce.
(function () {
  'use strict';
  var lib = window.SimpleWebAuthnBrowser;

  function fetchOptions(form) {
    return fetch(form.getAttribute('data-options'), { method: 'POST', credentials: 'same-origin' }).then(function (response) {
      return response.json().then(function (body) {
        if (response.status === 401 && body.signInUrl) {
          window.location.assign(body.signInUrl);
          throw new Error('reauthentication_required');
        }
        if (!response.ok) throw new Error(body.code || 'options_failed');
        return body;
      });
    });
  }

  function post(form, ticket, answer) {
    form.elements.namedItem('ticket').value = ticket;
    form.elements.namedItem('response').value = JSON.stringify(answer);
    HTMLFormElement.prototype.submit.call(form);
  }

  function showProblem(form) {
    var message = form.querySelector('[data-passkey-error]');
    if (message) message.hidden = false;
  }

  function unsupported(form) {
    var hint = form.querySelector('[data-passkey-unsupported]');
    if (hint) hint.hidden = false;
    var button = form.querySelector('button');
    if (button) button.disabled = true;
  }

  // The security page: add a passkey.
  var add = document.getElementById('passkey-add');
  if (add) {
    if (!lib || !lib.browserSupportsWebAuthn()) unsupported(add);
    else
      add.addEventListener('submit', function (event) {
        event.preventDefault();
        fetchOptions(add)
          .then(function (ceremony) {
            return lib.startRegistration({ optionsJSON: ceremony.options }).then(function (answer) {
              post(add, ceremony.ticket, answer);
            });
          })
          .catch(function (error) {
            if (error && error.message !== 'reauthentication_required') showProblem(add);
          });
      });
  }

  // The log-in page: the passkey button, and the browser's own suggestions in the e-mail field
  // (conditional UI, `autocomplete="username webauthn"`).
  var login = document.getElementById('passkey-login');
  if (login) {
    if (!lib || !lib.browserSupportsWebAuthn()) unsupported(login);
    else {
      var run = function (autofill) {
        return fetchOptions(login).then(function (ceremony) {
          return lib.startAuthentication({ optionsJSON: ceremony.options, useBrowserAutofill: autofill }).then(function (answer) {
            post(login, ceremony.ticket, answer);
          });
        });
      };
      login.addEventListener('submit', function (event) {
        event.preventDefault();
        // A new ceremony aborts the waiting autofill one (the library's abort service).
        run(false).catch(function () {
          showProblem(login);
        });
      });
      lib.browserSupportsWebAuthnAutofill().then(function (supported) {
        if (supported) run(true).catch(function () {});
      });
    }
  }
})();
