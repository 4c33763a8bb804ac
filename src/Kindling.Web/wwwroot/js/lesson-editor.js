// Live preview for the lesson and template editors: asks the server to render the file ~400 ms after typing stops.
// Without JavaScript the "Preview without saving" button does the same with a full page load.
// The lesson editor's address answers JSON ({ ok, html } or { ok: false, error }); the template editor's
// (data-preview-format="html") answers the preview's HTML, which names its problems in data-preview-errors.
(function () {
  var source = document.querySelector('textarea[data-preview]');
  if (!source || !window.fetch) return;
  var preview = document.getElementById(source.dataset.preview);
  var status = document.getElementById(source.dataset.status);
  var token = document.querySelector('input[name=__RequestVerificationToken]');
  var asHtml = source.dataset.previewFormat === 'html';
  var timer = null,
    latest = 0;

  function show(message) {
    status.textContent = message ? 'Preview not updated. ' + message : '';
  }

  function send() {
    var headers = { 'X-CSRF-TOKEN': token ? token.value : '' };
    if (asHtml) {
      var form = new URLSearchParams();
      form.append(source.name, source.value);
      return fetch(source.dataset.previewUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: form,
      });
    }
    headers['Content-Type'] = 'application/json';
    return fetch(source.dataset.previewUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify({ fileName: source.dataset.fileName, source: source.value }),
    });
  }

  function read(r) {
    if (!r.ok) throw new Error('The server could not render the preview (status ' + r.status + ').');
    if (!asHtml) return r.json();
    return r.text().then(function (html) {
      var failed = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-preview-errors]');
      return failed ? { ok: false, error: failed.dataset.previewErrors } : { ok: true, html: html };
    });
  }

  function update() {
    var request = ++latest;
    send()
      .then(read)
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
