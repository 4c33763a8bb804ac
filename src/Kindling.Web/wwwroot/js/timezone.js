// Pre-selects the browser's own time zone in any <select data-detect-timezone> that is still on UTC.
(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  document.querySelectorAll('select[data-detect-timezone]').forEach(function (select) {
    if (select.value !== 'UTC' || !zone) return;
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (option) select.value = zone;
  });
})();
