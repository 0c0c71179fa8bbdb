/*
 * Security keys and passkeys (WebAuthn), which need JavaScript: the form marked data-security-key ("register" on
 * templates/accounts/add-security-key.html, "authenticate" on the sign-in step, templates/accounts/second-factor.html)
 * is hidden in the page and shown here. On submit it asks Spring Security for the options
 * (data-options: /webauthn/register/options or /webauthn/authenticate/options), lets the browser talk to the key
 * (navigator.credentials.create or get), and posts the key's answer to the form's action as JSON, with the form's
 * CSRF token in a header. The server answers where to go next; a refusal shows the page's own message
 * (#security-key-error).
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-security-key]');
  if (!form || !window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  var ceremony = form.getAttribute('data-security-key');
  var error = document.getElementById('security-key-error');
  var token = form.querySelector('input[name="_csrf"]');
  form.hidden = false;

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function descriptors(list) {
    return (list || []).map(function (descriptor) {
      return { type: descriptor.type, id: toBytes(descriptor.id), transports: descriptor.transports };
    });
  }

  function register(options) {
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return navigator.credentials.create({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      var name = form.querySelector('input[name="name"]');
      return {
        publicKey: {
          credential: {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            response: {
              attestationObject: toBase64url(response.attestationObject),
              clientDataJSON: toBase64url(response.clientDataJSON),
              transports: typeof response.getTransports === 'function' ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          },
          label: name ? name.value : ''
        }
      };
    });
  }

  function authenticate(options) {
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      return {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          authenticatorData: toBase64url(response.authenticatorData),
          clientDataJSON: toBase64url(response.clientDataJSON),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : null
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      };
    });
  }

  function refused() {
    if (error) {
      error.hidden = false;
      error.focus();
    }
    form.querySelector('button[type="submit"]').disabled = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (error) {
      error.hidden = true;
    }
    form.querySelector('button[type="submit"]').disabled = true;
    post(form.getAttribute('data-options')).then(function (answer) {
      if (!answer.ok) {
        throw new Error('options ' + answer.status);
      }
      return answer.json();
    }).then(function (options) {
      return ceremony === 'register' ? register(options) : authenticate(options);
    }).then(function (result) {
      return post(form.getAttribute('action'), result);
    }).then(function (answer) {
      return answer.json().then(function (body) {
        if (body.next) {
          window.location.assign(body.next);
        } else {
          refused();
        }
      });
    }).catch(refused);
  });
}());
