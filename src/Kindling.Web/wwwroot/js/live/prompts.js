// One prompt of the session document: its heading, the silent-round note and Reveal button, the form to answer
// (kept with its unsent text when the prompt changes), and the roll call's "you're on it".
(function (KL) {
  var room = KL.room,
    doc = KL.doc;
  if (!room || !doc) return;
  var el = doc.el,
    button = doc.button,
    showError = doc.showError;

  function buildAnswerForm(s, box) {
    var rollCall = s.kind === 'roll-call';
    var form = el('form', 'respond');
    var id = 'respond-' + s.id;
    var label = el('label', null, rollCall ? 'Your answer (optional)' : 'Your response');
    label.htmlFor = id;
    var input = el(rollCall ? 'input' : 'textarea');
    input.id = id;
    input.maxLength = doc.MAX;
    input.setAttribute('aria-describedby', 'section-' + s.id + '-h');
    if (rollCall) input.type = 'text';
    else {
      input.rows = 2;
      input.required = true;
    }
    form.appendChild(label);
    form.appendChild(input);
    var anon = null;
    if (!rollCall && room.state.allowAnonymous) {
      var wrap = el('div', 'check');
      anon = el('input');
      anon.type = 'checkbox';
      anon.id = 'anon-' + s.id;
      var al = el('label', null, 'Post anonymously');
      al.htmlFor = anon.id;
      wrap.appendChild(anon);
      wrap.appendChild(al);
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
      doc.sending.add(note);
      submit.disabled = true;
      var waiting = function () {
        error.textContent = 'Waiting for the connection; your text is kept.';
      };
      var sent = rollCall
        ? room.send('RollCall', { answer: text }, form, waiting)
        : room.send('AddResponse', { sectionId: s.id, text: text, anonymous: !!(anon && anon.checked) }, form, waiting);
      sent.then(function (ack) {
        submit.disabled = false;
        doc.sending.delete(note);
        showError(error, ack);
        if (!ack.ok) return;
        input.value = '';
        if (anon) anon.checked = false;
        room.markMine(ack.id);
      });
    });
    box.appendChild(form);
  }

  doc.buildSection = function (s) {
    var art = el('article', 'prompt');
    art.id = 'section-' + s.id;
    art.dataset.sectionId = s.id;
    art.setAttribute('aria-labelledby', 'section-' + s.id + '-h');
    var h = el('h3', null, doc.sectionHeading(s));
    h.classList.toggle('long', doc.sectionHeading(s).length > 200);
    h.id = 'section-' + s.id + '-h';
    art.appendChild(h);
    art.appendChild(el('ul', 'responses'));
    return art;
  };

  function sectionVersion(s) {
    return JSON.stringify([
      s.prompt,
      s.title,
      s.silent,
      s.revealed,
      s.kind,
      doc.writable(),
      room.state.allowAnonymous,
      room.isFacilitator && room.state.locked,
    ]);
  }

  function silentNote(art, s) {
    var top = el('div', 'section-top');
    top.appendChild(
      el('p', 'silent-note', "Silent round — others can't see your notes until the facilitator reveals them."),
    );
    if (room.isFacilitator && !room.state.locked) {
      var error = el('p', 'error');
      error.setAttribute('role', 'alert');
      top.appendChild(
        button('Reveal responses', 'secondary', function (ev) {
          var b = ev.currentTarget;
          b.disabled = true;
          room.send('Reveal', { sectionId: s.id }, art).then(function (ack) {
            b.disabled = false;
            showError(error, ack);
          });
        }),
      );
      top.appendChild(error);
    }
    return top;
  }

  /** The parts of a prompt block that depend on the section and the document, not on responses. */
  doc.renderSectionChrome = function (art, s, place) {
    doc.renderTools(art, s, place);
    var v = sectionVersion(s);
    if (art.dataset.v === v) return;
    art.dataset.v = v;
    art.querySelector('h3').textContent = doc.sectionHeading(s);
    art.querySelector('h3').classList.toggle('long', doc.sectionHeading(s).length > 200);
    var silent = doc.awaitingReveal(s);
    art.classList.toggle('silent', silent);
    var old = art.querySelector('.section-extra');
    var kept = old && old.querySelector('form.respond');
    var keptValue = kept ? kept.querySelector('textarea, input[type=text]').value : '';
    if (old) old.remove();
    var top = art.querySelector('.section-top');
    if (top) top.remove();
    var list = art.querySelector('ul.responses');
    if (silent) art.insertBefore(silentNote(art, s), list);
    var box = el('div', 'section-extra');
    if (doc.writable()) buildAnswerForm(s, box);
    art.insertBefore(box, list.nextSibling);
    var field = box.querySelector('form.respond textarea, form.respond input[type=text]');
    if (field && keptValue) field.value = keptValue;
  };

  doc.renderRollCallDone = function (art, s) {
    if (s.kind !== 'roll-call') return;
    var form = art.querySelector('form.respond');
    var done = doc.responsesOf(s.id).some(function (r) {
      return r.mine;
    });
    if (form) form.hidden = done;
    var note = art.querySelector('.rollcall-done');
    if (done && !note) art.appendChild(el('p', 'rollcall-done', "You're on the roll call."));
    if (!done && note) note.remove();
  };
})((window.KindlingLive = window.KindlingLive || {}));
