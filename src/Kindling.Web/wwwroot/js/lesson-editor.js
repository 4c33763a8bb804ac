// Live preview for the lesson editor: asks the server to render the file ~400 ms after typing stops.
// Without JavaScript the "Preview without saving" button does the same with a full page load.
(function () {
  var source = document.querySelector('textarea[data-preview]');
  if (!source || !window.fetch) return;
  var preview = document.getElementById(source.dataset.preview);
  var status = document.getElementById(source.dataset.status);
  var token = document.querySelector('input[name=__RequestVerificationToken]');
  var timer = null,
    latest = 0;

  function show(message) {
    status.textContent = message ? 'Preview not updated. ' + message : '';
  }

  function update() {
    var request = ++latest;
    fetch(source.dataset.previewUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token ? token.value : '' },
      body: JSON.stringify({ fileName: source.dataset.fileName, source: source.value }),
    })
      .then(function (r) {
        if (!r.ok) throw new Error('The server could not render the preview (status ' + r.status + ').');
        return r.json();
      })
      .then(function (data) {
        if (request !== latest) return; // a newer edit is on its way
        if (data.ok) {
          preview.innerHTML = data.html;
          show('');
        } else {
          show(data.error);
        }
      })
      .catch(function (e) {
        if (request === latest) show(e.message);
      });
  }

  source.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
})();
