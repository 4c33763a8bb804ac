// Q&A: people ask questions and vote them up; a facilitator marks them answered with a short note.
(function (KL) {
  var room = KL.room,
    ui = KL.ui;
  if (!room || !ui) return;
  var root = document.getElementById('room-qa');
  var keys = {};

  /** Asking, voting and answering are changes to the session: none while the facilitator has locked the document. */
  function locked() {
    return !!(room.state && room.state.locked);
  }

  function ask(body) {
    if (!room.canWrite) return null;
    var form = ui.el('form', 'stack qa-ask');
    var text = ui.el('textarea');
    text.maxLength = 1000;
    text.rows = 2;
    text.required = true;
    form.appendChild(ui.field('qa-text', 'Ask a question', text));
    var anon = null;
    if (room.state && room.state.allowAnonymous) {
      var wrap = ui.el('div', 'check');
      anon = ui.el('input');
      anon.type = 'checkbox';
      anon.id = 'qa-anon';
      var l = ui.el('label', null, 'Ask anonymously');
      l.htmlFor = 'qa-anon';
      wrap.appendChild(anon);
      wrap.appendChild(l);
      form.appendChild(wrap);
    }
    var submit = ui.el('button', 'secondary', 'Ask');
    submit.type = 'submit';
    form.appendChild(submit);
    var error = ui.errorLine();
    form.appendChild(error);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      room
        .send('Ask', { text: text.value, anonymous: !!(anon && anon.checked) }, (keys.ask = keys.ask || {}))
        .then(function (ack) {
          error.textContent = ack.ok ? '' : ack.error;
          if (ack.ok) {
            text.value = '';
            if (anon) anon.checked = false;
          }
        });
    });
    body.appendChild(form);
    return form;
  }

  function item(q) {
    var li = ui.el('li', 'question' + (q.answeredUtc ? ' answered' : ''));
    li.id = 'question-' + q.id;
    li.dataset.v = version(q);
    li.appendChild(ui.el('p', 'text', q.text));
    li.appendChild(
      ui.el(
        'p',
        'who',
        (q.mine
          ? 'You'
          : q.anonymous
            ? q.authorName
              ? 'Anonymous (' + q.authorName + ')'
              : 'Anonymous'
            : q.authorName) +
          ' · ' +
          q.votes +
          (q.votes === 1 ? ' vote' : ' votes'),
      ),
    );
    if (q.answeredUtc) li.appendChild(ui.el('p', 'answer', 'Answered' + (q.answer ? ': ' + q.answer : '')));
    var error = ui.errorLine();
    var row = ui.el('div', 'actions');
    if (room.canWrite && !q.mine && !locked()) {
      // the server refuses a vote for one's own question, so none is offered
      var vote = ui.el('button', 'secondary small', q.votedByMe ? 'Remove my vote' : 'Vote up');
      vote.type = 'button';
      vote.setAttribute('aria-pressed', q.votedByMe ? 'true' : 'false');
      vote.addEventListener('click', function () {
        room.send('Vote', { questionId: q.id, up: !q.votedByMe }, {}).then(function (ack) {
          error.textContent = ack.ok ? '' : ack.error;
        });
      });
      row.appendChild(vote);
    }
    li.appendChild(row);
    if (room.isFacilitator && !locked()) {
      var form = ui.el('form', 'qa-answer');
      var input = ui.el('input');
      input.type = 'text';
      input.maxLength = 1000;
      input.defaultValue = q.answer || '';
      form.appendChild(ui.field('qa-answer-' + q.id, 'Answer note', input));
      var b = ui.el('button', 'secondary small', q.answeredUtc ? 'Update answer' : 'Mark answered');
      b.type = 'submit';
      form.appendChild(b);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        room.send('AnswerQuestion', { questionId: q.id, answer: input.value }, form).then(function (ack) {
          error.textContent = ack.ok ? '' : ack.error;
        });
      });
      li.appendChild(form);
    }
    li.appendChild(error);
    return li;
  }

  function version(q) {
    return JSON.stringify([
      q.text,
      q.mine,
      q.anonymous,
      q.authorName,
      q.votes,
      q.votedByMe,
      q.answeredUtc,
      q.answer,
      locked(),
    ]);
  }

  /** Replaces a question whose content changed, carrying over a half-typed answer note, its send key and focus. */
  function refresh(old, q) {
    var fresh = item(q);
    var oldForm = old.querySelector('form.qa-answer'),
      newForm = fresh.querySelector('form.qa-answer');
    if (oldForm && newForm) {
      var was = oldForm.querySelector('input'),
        now = newForm.querySelector('input');
      var focused = document.activeElement === was;
      if (was.value !== was.defaultValue) now.value = was.value;
      newForm.clientKey = oldForm.clientKey;
      old.replaceWith(fresh);
      if (focused) {
        now.focus();
        try {
          now.setSelectionRange(was.selectionStart, was.selectionEnd);
        } catch (e) {
          /* not a text field */
        }
      }
      return fresh;
    }
    var focusedButton = old.contains(document.activeElement) && document.activeElement.tagName === 'BUTTON';
    old.replaceWith(fresh);
    if (focusedButton) {
      var b = fresh.querySelector('.actions button');
      if (b) b.focus();
    }
    return fresh;
  }

  var asked = false,
    askForm = null,
    lockedNote = null;
  // Reloaded on locking and unlocking too, so the forms go and come back with the lock.
  var p = ui.panel(
    root,
    'Questions',
    ['question.asked', 'question.voted', 'question.answered', 'document.locked'],
    function (body, result) {
      if (!asked) {
        lockedNote = ui.el('p', 'meta', 'The document is locked, so questions and votes are closed for now.');
        body.appendChild(lockedNote);
        askForm = ask(body);
        asked = true;
      }
      lockedNote.hidden = !locked();
      if (askForm) askForm.hidden = locked();
      var list = body.querySelector('ol.questions');
      if (!list) {
        list = ui.el('ol', 'questions');
        body.appendChild(list);
      }
      // Items are kept by id and only replaced when they changed, so typing in an answer note survives other questions.
      var qs = result.questions.slice().sort(function (a, b) {
        return !!a.answeredUtc - !!b.answeredUtc || b.votes - a.votes;
      });
      var keep = new Set();
      var active = list.contains(document.activeElement) ? document.activeElement : null;
      var sel = active && active.tagName === 'INPUT' ? [active.selectionStart, active.selectionEnd] : null;
      qs.forEach(function (q, i) {
        var li = document.getElementById('question-' + q.id);
        if (li && li.parentNode !== list) li = null;
        if (!li) li = item(q);
        else if (li.dataset.v !== version(q)) li = refresh(li, q);
        keep.add(li);
        if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
      });
      if (!qs.length) {
        var none = ui.el('li', 'meta', 'No questions yet.');
        keep.add(none);
        list.appendChild(none);
      }
      Array.prototype.slice.call(list.children).forEach(function (li) {
        if (!keep.has(li)) li.remove();
      });
      // Moving an item in the list takes focus away from what is inside it: give it back, caret included.
      if (active && active.isConnected && document.activeElement !== active) {
        active.focus();
        if (sel)
          try {
            active.setSelectionRange(sel[0], sel[1]);
          } catch (e) {
            /* not a text field */
          }
      }
    },
    'Q&A',
  );
  KL.qa = p;
})((window.KindlingLive = window.KindlingLive || {}));
