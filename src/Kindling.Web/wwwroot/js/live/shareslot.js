// The "share your insights" slot of the session document: lists the cohort's shared worksheets under the share
// prompt, as the server renders it, and fetches the list again whenever the room (re)joins.
(function (KL) {
  var room = KL.room,
    doc = KL.doc;
  if (!room || !doc) return;
  var el = doc.el;

  doc.renderShared = function (art, s) {
    var old = art.querySelector('.shared-worksheets');
    if (s.kind !== 'share') {
      if (old) old.remove();
      return;
    }
    var v = JSON.stringify(room.shared);
    if (old && old.dataset.v === v) return;
    var box = el('div', 'shared-worksheets');
    box.dataset.v = v;
    box.appendChild(el('h4', null, 'Worksheets shared with the cohort'));
    if (!room.shared.length) {
      box.appendChild(
        el('p', 'meta', "None yet. Share yours from its worksheet's \u201cSharing\u201d page and it appears here."),
      );
    } else {
      var ul = el('ul');
      room.shared.forEach(function (w) {
        var li = el('li');
        var a = el('a', null, w.title);
        a.href = w.url;
        li.appendChild(a);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', 'meta', '\u2014 ' + w.projectName));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (old) old.replaceWith(box);
    else art.insertBefore(box, art.querySelector('.section-top') || art.querySelector('ul.responses'));
  };

  function refreshShared() {
    if (
      !room.state ||
      !room.state.sections.some(function (s) {
        return s.kind === 'share';
      })
    )
      return;
    room.invoke('SharedWorksheets', room.sessionId).then(
      function (list) {
        if (list && list.ok) room.setShared(list.worksheets);
      },
      function () {
        /* kept as it was; the next join tries again */
      },
    );
  }

  room.on('joined', refreshShared);
})((window.KindlingLive = window.KindlingLive || {}));
