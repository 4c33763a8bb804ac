// Pre-selects the browser's own time zone in any <select data-detect-timezone="note-id"> where none is chosen yet.
// Browsers may report a legacy name (Chromium says Asia/Calcutta): each option lists such names in data-aliases.
// When the zone is not in the list the note says so and the select stays on "Choose a time zone": never UTC unseen.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    zone = '';
  }
  document.querySelectorAll('select[data-detect-timezone]').forEach(function (select) {
    if (select.value !== '') return;
    var option =
      zone &&
      Array.prototype.find.call(select.options, function (o) {
        return o.value === zone || (o.getAttribute('data-aliases') || '').split(' ').indexOf(zone) >= 0;
      });
    if (option) {
      select.value = option.value;
      return;
    }
    var note = document.getElementById(select.getAttribute('data-detect-timezone'));
    if (!note) return;
    note.textContent = zone
      ? 'Your browser reports the time zone “' +
        zone +
        '”, which Kindling doesn’t know. ' +
        'Please pick yours from the list.'
      : 'Your browser didn’t say which time zone you are in. Please pick yours from the list.';
    note.hidden = false;
  });
})();
