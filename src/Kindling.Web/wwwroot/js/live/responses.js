// A prompt's responses in the session document: each one with its author, its own Edit and Delete, and a
// facilitator's Hide, Pin and Move. Items are keyed by id and only rebuilt when their content changed.
(function (KL) {
  var room = KL.room,
    doc = KL.doc;
  if (!room || !doc) return;
  var el = doc.el,
    button = doc.button,
    showError = doc.showError;

  function authorLabel(r) {
    if (r.mine) return r.anonymous ? 'You (anonymous to others)' : 'You';
    if (r.anonymous) return r.authorName ? 'Anonymous (' + r.authorName + ')' : 'Anonymous';
    return r.authorName || '';
  }

  /** Responses of a silent round can't be moderated until everyone can see them. */
  function awaitingReveal(r) {
    return doc.awaitingReveal(doc.sectionOf(r.sectionId));
  }

  function responseVersion(r) {
    return JSON.stringify([
      r.text,
      r.hidden,
      r.pinned,
      r.anonymous,
      r.authorName,
      r.mine,
      doc.writable(),
      room.isFacilitator && !room.state.locked,
      awaitingReveal(r),
    ]);
  }

  function moderate(r, error, fields) {
    var command = Object.assign({ responseId: r.id, hidden: null, pinned: null, moveToSectionId: null }, fields);
    room.send('Moderate', command, {}).then(function (ack) {
      showError(error, ack);
    });
  }

  function buildResponse(r) {
    var cls = 'response' + (r.pinned ? ' pinned' : '') + (r.hidden ? ' is-hidden' : '') + (r.mine ? ' mine' : '');
    var li = el('li', cls);
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
    if (r.mine && doc.writable()) {
      actions.appendChild(
        button('Edit', 'secondary small', function () {
          startEdit(li, r, error);
        }),
      );
      actions.appendChild(
        button('Delete', 'secondary small', function (ev) {
          var b = ev.currentTarget;
          b.disabled = true;
          room.send('DeleteResponse', { responseId: r.id }, li).then(function (ack) {
            b.disabled = false;
            showError(error, ack);
          });
        }),
      );
    }
    if (room.isFacilitator && !room.state.locked && !awaitingReveal(r)) {
      actions.appendChild(
        button(r.hidden ? 'Show' : 'Hide', 'secondary small', function () {
          moderate(r, error, { hidden: !r.hidden });
        }),
      );
      actions.appendChild(
        button(r.pinned ? 'Unpin' : 'Pin', 'secondary small', function () {
          moderate(r, error, { pinned: !r.pinned });
        }),
      );
      actions.appendChild(
        button('Move…', 'secondary small', function (ev) {
          startMove(li, r, error, ev.currentTarget);
        }),
      );
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
    area.id = id;
    area.maxLength = doc.MAX;
    area.rows = 3;
    area.value = r.text;
    area.required = true;
    var save = el('button', 'small', 'Save');
    save.type = 'submit';
    var cancel = button('Cancel', 'secondary small', function () {
      rebuild(li, r);
    });
    var row = el('div', 'actions');
    row.appendChild(save);
    row.appendChild(cancel);
    form.appendChild(label);
    form.appendChild(area);
    form.appendChild(row);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      save.disabled = true;
      var waiting = function () {
        error.textContent = 'Waiting for the connection; your text is kept.';
      };
      room.send('EditResponse', { responseId: r.id, text: area.value }, form, waiting).then(function (ack) {
        save.disabled = false;
        showError(error, ack);
      });
    });
    li.querySelector('.text').replaceWith(form);
    var actions = li.querySelector(':scope > .actions');
    if (actions) actions.hidden = true;
    area.focus();
  }

  /** Prompts a response may be moved to: every other prompt that is not a silent round waiting for its reveal. */
  function moveTargets(fromSectionId) {
    var groups = [],
      byIndex = new Map();
    room.state.sections.forEach(function (s) {
      if (!byIndex.has(s.activityIndex)) {
        var g = { title: s.title, sections: [] };
        byIndex.set(s.activityIndex, g);
        groups.push(g);
      }
      if (s.id !== fromSectionId && !doc.awaitingReveal(s)) byIndex.get(s.activityIndex).sections.push(s);
    });
    return groups.filter(function (g) {
      return g.sections.length;
    });
  }

  function startMove(li, r, error, opener) {
    var old = li.querySelector('form.move');
    if (old) {
      old.querySelector('select').focus();
      return;
    }
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
        var text = doc.sectionHeading(s);
        var opt = el('option', null, text.length > 80 ? text.slice(0, 79) + '…' : text);
        opt.value = s.id;
        og.appendChild(opt);
      });
      select.appendChild(og);
    });
    var go = el('button', 'small', 'Move');
    go.type = 'submit';
    var cancel = button('Cancel', 'secondary small', function () {
      form.remove();
      opener.focus();
    });
    var row = el('div', 'actions');
    row.appendChild(go);
    row.appendChild(cancel);
    form.appendChild(label);
    form.appendChild(select);
    form.appendChild(row);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!select.value) return;
      go.disabled = true;
      room
        .send('Moderate', { responseId: r.id, hidden: null, pinned: null, moveToSectionId: select.value }, form)
        .then(function (ack) {
          go.disabled = false;
          showError(error, ack);
          if (ack.ok) form.remove();
        });
    });
    li.insertBefore(form, error);
    select.focus();
  }

  function rebuild(li, r) {
    var fresh = buildResponse(r);
    li.replaceWith(fresh);
    return fresh;
  }

  /** Brings a prompt's list in line with the document, keeping the items (and open edits) that did not change. */
  doc.renderResponses = function (ul, sectionId) {
    var list = doc.responsesOf(sectionId),
      keep = new Set();
    list.forEach(function (r, i) {
      keep.add('response-' + r.id);
      var li = document.getElementById('response-' + r.id);
      if (li && li.parentNode !== ul) {
        li.remove();
        li = null;
      }
      if (!li) li = buildResponse(r);
      else if (li.dataset.v !== responseVersion(r)) li = rebuild(li, r);
      if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] || null);
    });
    Array.prototype.slice.call(ul.children).forEach(function (li) {
      if (!keep.has(li.id)) li.remove();
    });
  };
})((window.KindlingLive = window.KindlingLive || {}));
