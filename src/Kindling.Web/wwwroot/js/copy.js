// Adds a "Copy" button next to every read-only <input data-copy>. Without JavaScript the link can still be
// selected and copied from its field; with it, one click (or Enter/Space) copies and a status message says so.
(function () {
  function copy(input) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(input.value);
    input.focus();
    input.select();
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject();
  }

  document.querySelectorAll('input[data-copy]').forEach(function (input) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary copy-button';
    button.textContent = 'Copy link';
    var status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    input.insertAdjacentElement('afterend', status);
    input.insertAdjacentElement('afterend', button);
    input.addEventListener('focus', function () {
      input.select();
    });
    button.addEventListener('click', function () {
      copy(input).then(
        function () {
          status.textContent = 'Copied.';
        },
        function () {
          status.textContent = 'Copying failed: select the link and copy it yourself.';
        },
      );
      setTimeout(function () {
        status.textContent = '';
      }, 4000);
    });
  });
})();
