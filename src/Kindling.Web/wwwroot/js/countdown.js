// Keeps every [data-countdown] element counting down to its ISO instant; the server-rendered text is the no-JS
// fallback.
(function () {
  var els = document.querySelectorAll('[data-countdown]');
  if (!els.length) return;
  function render() {
    els.forEach(function (el) {
      var left = Math.floor((Date.parse(el.getAttribute('data-countdown')) - Date.now()) / 1000);
      if (left <= 0) {
        el.textContent = 'happening now';
        return;
      }
      var d = Math.floor(left / 86400),
        h = Math.floor((left % 86400) / 3600);
      var m = Math.floor((left % 3600) / 60),
        s = left % 60;
      el.textContent =
        'in ' + (d ? d + ' days ' + h + ' hours' : h ? h + ' hours ' + m + ' minutes' : m + ' min ' + s + ' s');
    });
  }
  render();
  setInterval(render, 1000);
})();
