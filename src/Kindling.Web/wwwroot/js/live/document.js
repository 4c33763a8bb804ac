// The session document: one section per agenda item, one block per prompt with its responses and a form to answer.
// Elements are keyed by id and only rebuilt when their content changed, so a half-written answer or an open edit
// survives everyone else's changes.
(function (KL) {
  var room = KL.room;
  var docEl = document.getElementById('room-doc');
  if (!room || !docEl) return;
  var MAX = 4000;
  var sending = new Set(); // "sectionId\ntext" of answers on their way: their echo is not announced as someone else's
  var newCount = 0, newTimer = null;
  var focusAfter = null; // { sectionId, tool, until }: a facilitator tool whose button the next render replaces

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function button(text, cls, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function writable() { return room.canWrite && room.state && !room.state.locked; }

  function authorLabel(r) {
    if (r.mine) return r.anonymous ? 'You (anonymous to others)' : 'You';
    if (r.anonymous) return r.authorName ? 'Anonymous (' + r.authorName + ')' : 'Anonymous';
    return r.authorName || '';
  }

  function showError(box, ack) { box.textContent = ack.ok ? '' : ack.error || 'That did not work; try again.'; }

  // ---- responses ---------------------------------------------------------------------------------------------
  function responseVersion(r) {
    return JSON.stringify([r.text, r.hidden, r.pinned, r.anonymous, r.authorName, r.mine, writable(), room.isFacilitator && !room.state.locked, awaitingReveal(r)]);
  }

  /** A silent round not yet revealed: responses can't be moderated until everyone can see them (the server refuses). */
  function awaitingReveal(r) {
    var s = room.state.sections.find(function (x) { return x.id === r.sectionId; });
    return !!(s && s.silent && !s.revealed);
  }

  function buildResponse(r) {
    var li = el('li', 'response' + (r.pinned ? ' pinned' : '') + (r.hidden ? ' is-hidden' : '') + (r.mine ? ' mine' : ''));
    li.id = 'response-' + r.id;
    li.dataset.responseId = r.id;
    li.dataset.v = responseVersion(r);
    var who = el('p', 'who', authorLabel(r) + ' ');
    if (r.pinned) who.appendChild(el('span', 'tag', 'Pinned'));
    if (r.hidden) who.appendChild(el('span', 'tag', 'Hidden from others'));
    li.appendChild(who);
    li.appendChild(el('p', 'text', r.text || ''));
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    var actions = el('div', 'actions');
    if (r.mine && writable()) {
      actions.appendChild(button('Edit', 'secondary small', function () { startEdit(li, r, error); }));
      actions.appendChild(button('Delete', 'secondary small', function (ev) {
        var b = ev.currentTarget;
        b.disabled = true;
        room.send('DeleteResponse', { responseId: r.id }, li).then(function (ack) { b.disabled = false; showError(error, ack); });
      }));
    }
    if (room.isFacilitator && !room.state.locked && !awaitingReveal(r)) {
      actions.appendChild(button(r.hidden ? 'Show' : 'Hide', 'secondary small', function () {
        room.send('Moderate', { responseId: r.id, hidden: !r.hidden, pinned: null, moveToSectionId: null }, {}).then(function (ack) { showError(error, ack); });
      }));
      actions.appendChild(button(r.pinned ? 'Unpin' : 'Pin', 'secondary small', function () {
        room.send('Moderate', { responseId: r.id, hidden: null, pinned: !r.pinned, moveToSectionId: null }, {}).then(function (ack) { showError(error, ack); });
      }));
      actions.appendChild(button('Move…', 'secondary small', function (ev) { startMove(li, r, error, ev.currentTarget); }));
    }
    if (actions.children.length) li.appendChild(actions);
    li.appendChild(error);
    return li;
  }

  function startEdit(li, r, error) {
    var form = el('form', 'edit');
    var id = 'edit-' + r.id;
    var label = el('label', null, 'Edit your response');
    label.htmlFor = id;
    var area = el('textarea');
    area.id = id; area.maxLength = MAX; area.rows = 3; area.value = r.text; area.required = true;
    var save = el('button', 'small', 'Save');
    save.type = 'submit';
    var cancel = button('Cancel', 'secondary small', function () { rebuild(li, r); });
    var row = el('div', 'actions');
    row.appendChild(save); row.appendChild(cancel);
    form.appendChild(label); form.appendChild(area); form.appendChild(row);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      save.disabled = true;
      room.send('EditResponse', { responseId: r.id, text: area.value }, form, function () { error.textContent = 'Waiting for the connection; your text is kept.'; })
        .then(function (ack) { save.disabled = false; showError(error, ack); });
    });
    li.querySelector('.text').replaceWith(form);
    var actions = li.querySelector(':scope > .actions');
    if (actions) actions.hidden = true;
    area.focus();
  }

  /** Prompts a response may be moved to: every other prompt that is not a silent round waiting for its reveal. */
  function moveTargets(fromSectionId) {
    var groups = [], byIndex = new Map();
    room.state.sections.forEach(function (s) {
      if (!byIndex.has(s.activityIndex)) { var g = { title: s.title, sections: [] }; byIndex.set(s.activityIndex, g); groups.push(g); }
      if (s.id !== fromSectionId && !(s.silent && !s.revealed)) byIndex.get(s.activityIndex).sections.push(s);
    });
    return groups.filter(function (g) { return g.sections.length; });
  }

  function startMove(li, r, error, opener) {
    var old = li.querySelector('form.move');
    if (old) { old.querySelector('select').focus(); return; }
    var form = el('form', 'move');
    var id = 'move-' + r.id;
    var label = el('label', null, 'Move this response to');
    label.htmlFor = id;
    var select = el('select');
    select.id = id;
    select.required = true;
    moveTargets(r.sectionId).forEach(function (g) {
      var og = el('optgroup');
      og.label = g.title;
      g.sections.forEach(function (s) {
        var text = sectionHeading(s);
        var opt = el('option', null, text.length > 80 ? text.slice(0, 79) + '…' : text);
        opt.value = s.id;
        og.appendChild(opt);
      });
      select.appendChild(og);
    });
    var go = el('button', 'small', 'Move');
    go.type = 'submit';
    var cancel = button('Cancel', 'secondary small', function () { form.remove(); opener.focus(); });
    var row = el('div', 'actions');
    row.appendChild(go); row.appendChild(cancel);
    form.appendChild(label); form.appendChild(select); form.appendChild(row);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!select.value) return;
      go.disabled = true;
      room.send('Moderate', { responseId: r.id, hidden: null, pinned: null, moveToSectionId: select.value }, form)
        .then(function (ack) { go.disabled = false; showError(error, ack); if (ack.ok) form.remove(); });
    });
    li.insertBefore(form, error);
    select.focus();
  }

  function rebuild(li, r) { var fresh = buildResponse(r); li.replaceWith(fresh); return fresh; }

  function responsesOf(sectionId) {
    var list = [];
    room.state.responses.forEach(function (r) { if (r.sectionId === sectionId) list.push(r); });
    list.sort(function (a, b) { return (b.pinned - a.pinned) || (a.createdUtc < b.createdUtc ? -1 : a.createdUtc > b.createdUtc ? 1 : 0); });
    return list;
  }

  function renderResponses(ul, sectionId) {
    var list = responsesOf(sectionId), keep = new Set();
    list.forEach(function (r, i) {
      keep.add('response-' + r.id);
      var li = document.getElementById('response-' + r.id);
      if (li && li.parentNode !== ul) { li.remove(); li = null; }
      if (!li) li = buildResponse(r);
      else if (li.dataset.v !== responseVersion(r)) li = rebuild(li, r);
      if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] || null);
    });
    Array.prototype.slice.call(ul.children).forEach(function (li) { if (!keep.has(li.id)) li.remove(); });
  }

  // ---- prompts ---------------------------------------------------------------------------------------------
  function buildAnswerForm(s, box) {
    var rollCall = s.kind === 'roll-call';
    var form = el('form', 'respond');
    var id = 'respond-' + s.id;
    var label = el('label', null, rollCall ? 'Your answer (optional)' : 'Your response');
    label.htmlFor = id;
    var input = el(rollCall ? 'input' : 'textarea');
    input.id = id;
    input.maxLength = MAX;
    input.setAttribute('aria-describedby', 'section-' + s.id + '-h');
    if (rollCall) input.type = 'text'; else { input.rows = 2; input.required = true; }
    form.appendChild(label);
    form.appendChild(input);
    var anon = null;
    if (!rollCall && room.state.allowAnonymous) {
      var wrap = el('div', 'check');
      anon = el('input');
      anon.type = 'checkbox'; anon.id = 'anon-' + s.id;
      var al = el('label', null, 'Post anonymously');
      al.htmlFor = anon.id;
      wrap.appendChild(anon); wrap.appendChild(al);
      form.appendChild(wrap);
    }
    var submit = el('button', null, rollCall ? "I'm here" : 'Add response');
    submit.type = 'submit';
    form.appendChild(submit);
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    form.appendChild(error);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = input.value;
      var note = s.id + '\n' + text.trim();
      sending.add(note);
      submit.disabled = true;
      var waiting = function () { error.textContent = 'Waiting for the connection; your text is kept.'; };
      var sent = rollCall
        ? room.send('RollCall', { answer: text }, form, waiting)
        : room.send('AddResponse', { sectionId: s.id, text: text, anonymous: !!(anon && anon.checked) }, form, waiting);
      sent.then(function (ack) {
        submit.disabled = false;
        sending.delete(note);
        showError(error, ack);
        if (!ack.ok) return;
        input.value = '';
        if (anon) anon.checked = false;
        room.markMine(ack.id);
      });
    });
    box.appendChild(form);
  }

  /** Group notes sections carry their group's name in the title ("Group 1 — …"); other prompts show the prompt. */
  function sectionHeading(s) { return s.kind === 'breakout-notes' ? s.title : s.prompt; }

  function buildSection(s) {
    var art = el('article', 'prompt');
    art.id = 'section-' + s.id;
    art.dataset.sectionId = s.id;
    art.setAttribute('aria-labelledby', 'section-' + s.id + '-h');
    var h = el('h3', null, sectionHeading(s));
    h.id = 'section-' + s.id + '-h';
    art.appendChild(h);
    art.appendChild(el('ul', 'responses'));
    return art;
  }

  function sectionVersion(s) {
    return JSON.stringify([s.prompt, s.title, s.silent, s.revealed, s.kind, writable(), room.state.allowAnonymous, room.isFacilitator && room.state.locked]);
  }

  /** The facilitator's tools are rebuilt on their own, so a move never disturbs an answer being typed in the prompt. */
  function renderTools(art, s, place) {
    var old = art.querySelector('.section-tools');
    var want = room.isFacilitator && !room.state.locked;
    var v = JSON.stringify([s.silent, s.revealed, place.first, place.last]);
    if (old && want && old.dataset.v === v) return;
    if (old) old.remove();
    if (!want) return;
    var tools = buildTools(art, s, place);
    tools.dataset.v = v;
    art.insertBefore(tools, art.querySelector('h3').nextSibling);
  }

  /** Order and silent-mode controls for facilitators; `place` says whether the prompt is first/last in its activity. */
  function buildTools(art, s, place) {
    var tools = el('div', 'section-tools');
    var row = el('div', 'actions');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', 'Arrange this prompt');
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    function act(method, fields) {
      return function (ev) {
        var b = ev.currentTarget;
        b.disabled = true;
        // The change rebuilds these buttons: keep keyboard focus with this prompt's tools (see restoreFocus).
        focusAfter = { sectionId: s.id, tool: b.dataset.tool, until: Date.now() + 5000 };
        room.send(method, Object.assign({ sectionId: s.id }, fields), {}).then(function (ack) {
          b.disabled = false;
          showError(error, ack);
          if (!ack.ok) focusAfter = null;
        });
      };
    }
    function neighbour(step) {
      var list = room.state.sections, i = list.findIndex(function (x) { return x.id === s.id; }), j = i + step;
      return list[j] && list[j].activityIndex === s.activityIndex ? j : -1;
    }
    if (!place.first) {
      var up = button('Move prompt up', 'secondary small', function (ev) { var j = neighbour(-1); if (j >= 0) act('MovePrompt', { position: j })(ev); });
      up.dataset.tool = 'up';
      row.appendChild(up);
    }
    if (!place.last) {
      var down = button('Move prompt down', 'secondary small', function (ev) { var j = neighbour(1); if (j >= 0) act('MovePrompt', { position: j })(ev); });
      down.dataset.tool = 'down';
      row.appendChild(down);
    }
    if (!s.silent) {
      var on = button('Make it a silent round', 'secondary small', act('SetSilent', { silent: true }));
      on.dataset.tool = 'silent';
      row.appendChild(on);
    } else if (s.revealed) {
      var off = button('Turn silent mode off', 'secondary small', act('SetSilent', { silent: false }));
      off.dataset.tool = 'silent';
      row.appendChild(off);
    }
    tools.appendChild(row);
    tools.appendChild(error);
    return tools;
  }

  /** The parts of a prompt block that depend on the section and the document, not on responses. */
  function renderSectionChrome(art, s, place) {
    renderTools(art, s, place);
    var v = sectionVersion(s);
    if (art.dataset.v === v) return;
    art.dataset.v = v;
    art.querySelector('h3').textContent = sectionHeading(s);
    art.classList.toggle('silent', s.silent && !s.revealed);
    var old = art.querySelector('.section-extra');
    var kept = old && old.querySelector('form.respond');
    var keptValue = kept ? kept.querySelector('textarea, input[type=text]').value : '';
    if (old) old.remove();
    var top = art.querySelector('.section-top');
    if (top) top.remove();
    var list = art.querySelector('ul.responses');
    if (s.silent && !s.revealed) {
      top = el('div', 'section-top');
      top.appendChild(el('p', 'silent-note', "Silent round — others can't see your notes until the facilitator reveals them."));
      if (room.isFacilitator && !room.state.locked) {
        var error = el('p', 'error');
        error.setAttribute('role', 'alert');
        top.appendChild(button('Reveal responses', 'secondary', function (ev) {
          var b = ev.currentTarget;
          b.disabled = true;
          room.send('Reveal', { sectionId: s.id }, art).then(function (ack) { b.disabled = false; showError(error, ack); });
        }));
        top.appendChild(error);
      }
      art.insertBefore(top, list);
    }
    var box = el('div', 'section-extra');
    if (writable()) buildAnswerForm(s, box);
    art.insertBefore(box, list.nextSibling);
    var field = box.querySelector('form.respond textarea, form.respond input[type=text]');
    if (field && keptValue) field.value = keptValue;
  }

  // ---- the "share your insights" slot -------------------------------------------------------------------------
  /** Lists the cohort's shared worksheets under the share prompt, as the server renders it; kept current by the room. */
  function renderShared(art, s) {
    var old = art.querySelector('.shared-worksheets');
    if (s.kind !== 'share') { if (old) old.remove(); return; }
    var v = JSON.stringify(room.shared);
    if (old && old.dataset.v === v) return;
    var box = el('div', 'shared-worksheets');
    box.dataset.v = v;
    box.appendChild(el('h4', null, 'Worksheets shared with the cohort'));
    if (!room.shared.length) box.appendChild(el('p', 'meta', "None yet. Share yours from its worksheet's \u201cSharing\u201d page and it appears here."));
    else {
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
  }

  function refreshShared() {
    if (!room.state || !room.state.sections.some(function (s) { return s.kind === 'share'; })) return;
    room.invoke('SharedWorksheets', room.sessionId).then(function (list) {
      if (list && list.ok) room.setShared(list.worksheets);
    }, function () { /* kept as it was; the next join tries again */ });
  }

  function restoreFocus() {
    if (!focusAfter) return;
    if (Date.now() > focusAfter.until) { focusAfter = null; return; }
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    var tools = document.querySelector('#section-' + focusAfter.sectionId + ' .section-tools');
    var target = tools && (tools.querySelector('[data-tool="' + focusAfter.tool + '"]') || tools.querySelector('button'));
    if (target) { target.focus(); focusAfter = null; }
  }

  function renderRollCallDone(art, s) {
    if (s.kind !== 'roll-call') return;
    var form = art.querySelector('form.respond');
    var done = responsesOf(s.id).some(function (r) { return r.mine; });
    if (form) form.hidden = done;
    var note = art.querySelector('.rollcall-done');
    if (done && !note) art.appendChild(el('p', 'rollcall-done', "You're on the roll call."));
    if (!done && note) note.remove();
  }

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
    return sec;
  }

  function render() {
    var st = room.state;
    if (!st) return;
    // Moving a prompt block in the page takes focus from the field inside it: note it here and give it back below.
    var active = docEl.contains(document.activeElement) ? document.activeElement : null;
    var caret = active && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    var groups = [], byIndex = new Map();
    st.sections.forEach(function (s) {
      if (!byIndex.has(s.activityIndex)) { byIndex.set(s.activityIndex, []); groups.push(s.activityIndex); }
      byIndex.get(s.activityIndex).push(s);
    });
    var keepActivities = new Set();
    groups.forEach(function (index, gi) {
      var sections = byIndex.get(index);
      var sec = document.getElementById('activity-' + index) || buildActivity(index, sections[0]);
      keepActivities.add(sec);
      sec.classList.toggle('current', index === st.currentActivity);
      if (docEl.children[gi] !== sec) docEl.insertBefore(sec, docEl.children[gi] || null);
      var keep = new Set([sec.querySelector('h2')]);
      sections.forEach(function (s, si) {
        var art = document.getElementById('section-' + s.id);
        if (art && art.parentNode !== sec) { art.remove(); art = null; }
        if (!art) art = buildSection(s);
        keep.add(art);
        if (sec.children[si + 1] !== art) sec.insertBefore(art, sec.children[si + 1] || null);
        renderSectionChrome(art, s, { first: si === 0, last: si === sections.length - 1 });
        renderShared(art, s);
        renderResponses(art.querySelector('ul.responses'), s.id);
        renderRollCallDone(art, s);
      });
      Array.prototype.slice.call(sec.children).forEach(function (c) { if (!keep.has(c)) c.remove(); });
    });
    Array.prototype.slice.call(docEl.children).forEach(function (c) { if (!keepActivities.has(c)) c.remove(); });
    if (active && active.isConnected && document.activeElement !== active) {
      active.focus({ preventScroll: true });
      if (caret) try { active.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
    }
    restoreFocus();
    document.getElementById('room-locked').hidden = !st.locked;
    document.getElementById('room-closed').hidden = true;
  }

  function noteNew(e) {
    if (e.type !== 'response.added' && !(e.type === 'section.revealed' && e.data.responses.length)) return;
    if (e.type === 'response.added') {
      if (sending.has(e.data.sectionId + '\n' + (e.data.text || '').trim())) return;
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
  room.on('snapshot', function () { if (!docEl.dataset.live) { docEl.textContent = ''; docEl.dataset.live = '1'; } });
  room.on('changed', render);
  room.on('shared', render);
  room.on('joined', refreshShared);
  room.on('event', noteNew);
  room.on('closed', function () {
    if (room.state) return;
    document.getElementById('room-closed').hidden = false;
  });
  KL.documentView = { render: render };
})(window.KindlingLive = window.KindlingLive || {});
