// The session document: one section per agenda item, one block per prompt with its responses and a form to answer.
// Elements are keyed by id and only rebuilt when their content changed, so a half-written answer or an open edit
// survives everyone else's changes. The blocks' parts live in responses.js, prompttools.js, prompts.js and
// shareslot.js (sharing doc.js); this file lays them out and announces new responses.
(function (KL) {
  var room = KL.room,
    doc = KL.doc;
  var docEl = document.getElementById('room-doc');
  if (!room || !doc || !docEl) return;
  var el = doc.el;
  var newCount = 0,
    newTimer = null;

  function buildActivity(index, first) {
    var sec = el('section', 'activity');
    sec.id = 'activity-' + index;
    sec.dataset.activity = index;
    sec.setAttribute('aria-labelledby', sec.id + '-h');
    var h = el('h2', null, first.title + ' ');
    h.id = sec.id + '-h';
    h.appendChild(el('span', 'tag', room.kindLabel(first.kind)));
    h.appendChild(document.createTextNode(' '));
    h.appendChild(el('span', 'meta', first.minutes + ' min'));
    sec.appendChild(h);
    buildExtras(sec, index);
    return sec;
  }

  /** What the lesson adds under the heading (mirrors _ActivityExtras.cshtml): the slides, a list to pick from. */
  function buildExtras(sec, index) {
    var extra = room.config.extras && room.config.extras[index];
    if (!extra) return;
    if (extra.slides) {
      var p = el('p', 'activity-extra slides-link');
      var a = el('a', null, 'Open the slides');
      a.href = extra.slides;
      a.rel = 'noopener noreferrer';
      p.appendChild(a);
      sec.appendChild(p);
    }
    if (extra.choices && extra.choices.length) {
      var d = el('details', 'activity-extra pick-from');
      d.open = true;
      d.appendChild(el('summary', null, 'Pick from this list (' + extra.choices.length + ')'));
      var ul = el('ul', 'pick-list');
      extra.choices.forEach(function (c) {
        ul.appendChild(el('li', null, c));
      });
      d.appendChild(ul);
      sec.appendChild(d);
    }
  }

  /** Places and refreshes the prompts of one agenda item inside its section. */
  function renderActivity(sec, sections) {
    var keep = new Set([sec.querySelector('h2')].concat(Array.from(sec.querySelectorAll(':scope > .activity-extra'))));
    var extras = keep.size - 1;
    sections.forEach(function (s, si) {
      var art = document.getElementById('section-' + s.id);
      if (art && art.parentNode !== sec) {
        art.remove();
        art = null;
      }
      if (!art) art = doc.buildSection(s);
      keep.add(art);
      var at = si + 1 + extras;
      if (sec.children[at] !== art) sec.insertBefore(art, sec.children[at] || null);
      doc.renderSectionChrome(art, s, { first: si === 0, last: si === sections.length - 1 });
      doc.renderShared(art, s);
      doc.renderResponses(art.querySelector('ul.responses'), s.id);
      doc.renderRollCallDone(art, s);
    });
    Array.prototype.slice.call(sec.children).forEach(function (c) {
      if (!keep.has(c)) c.remove();
    });
  }

  function render() {
    var st = room.state;
    if (!st) return;
    // Moving a prompt block in the page takes focus from the field inside it: note it here and give it back below.
    var active = docEl.contains(document.activeElement) ? document.activeElement : null;
    var caret =
      active && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    var groups = [],
      byIndex = new Map();
    st.sections.forEach(function (s) {
      if (!byIndex.has(s.activityIndex)) {
        byIndex.set(s.activityIndex, []);
        groups.push(s.activityIndex);
      }
      byIndex.get(s.activityIndex).push(s);
    });
    var keepActivities = new Set();
    groups.forEach(function (index, gi) {
      var sections = byIndex.get(index);
      var sec = document.getElementById('activity-' + index) || buildActivity(index, sections[0]);
      keepActivities.add(sec);
      sec.classList.toggle('current', index === st.currentActivity);
      if (docEl.children[gi] !== sec) docEl.insertBefore(sec, docEl.children[gi] || null);
      renderActivity(sec, sections);
    });
    Array.prototype.slice.call(docEl.children).forEach(function (c) {
      if (!keepActivities.has(c)) c.remove();
    });
    if (active && active.isConnected && document.activeElement !== active) {
      active.focus({ preventScroll: true });
      if (caret)
        try {
          active.setSelectionRange(caret[0], caret[1]);
        } catch (e) {
          /* not a text field */
        }
    }
    doc.restoreFocus();
    document.getElementById('room-locked').hidden = !st.locked;
    document.getElementById('room-closed').hidden = true;
  }

  function noteNew(e) {
    if (e.type !== 'response.added' && !(e.type === 'section.revealed' && e.data.responses.length)) return;
    if (e.type === 'response.added') {
      if (doc.sending.has(e.data.sectionId + '\n' + (e.data.text || '').trim())) return;
      newCount++;
    } else newCount += e.data.responses.length;
    clearTimeout(newTimer);
    newTimer = setTimeout(function () {
      room.announce(newCount === 1 ? 'A new response was added.' : newCount + ' new responses were added.');
      newCount = 0;
    }, 1500);
  }

  // The first snapshot replaces the server-rendered copy (same content, now with forms and live updates).
  // Later snapshots (a long disconnection) are merged by id, which keeps unsent text in the forms.
  room.on('snapshot', function () {
    if (!docEl.dataset.live) {
      docEl.textContent = '';
      docEl.dataset.live = '1';
    }
  });
  room.on('changed', render);
  room.on('shared', render);
  room.on('event', noteNew);
  room.on('closed', function () {
    if (room.state) return;
    document.getElementById('room-closed').hidden = false;
  });
  KL.documentView = { render: render };
})((window.KindlingLive = window.KindlingLive || {}));
