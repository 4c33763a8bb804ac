// Q&A: people ask questions and vote them up; a facilitator marks them answered with a short note.
(function (KL) {
  var room = KL.room, ui = KL.ui;
  if (!room || !ui) return;
  var root = document.getElementById('room-qa');
  var keys = {};

  function ask(body) {
    if (!room.canWrite) return;
    var form = ui.el('form', 'stack qa-ask');
    var text = ui.el('textarea');
    text.maxLength = 1000; text.rows = 2; text.required = true;
    form.appendChild(ui.field('qa-text', 'Ask a question', text));
    var anon = null;
    if (room.state && room.state.allowAnonymous) {
      var wrap = ui.el('div', 'check');
      anon = ui.el('input'); anon.type = 'checkbox'; anon.id = 'qa-anon';
      var l = ui.el('label', null, 'Ask anonymously'); l.htmlFor = 'qa-anon';
      wrap.appendChild(anon); wrap.appendChild(l);
      form.appendChild(wrap);
    }
    var submit = ui.el('button', 'secondary', 'Ask'); submit.type = 'submit';
    form.appendChild(submit);
    var error = ui.errorLine();
    form.appendChild(error);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      room.send('Ask', { text: text.value, anonymous: !!(anon && anon.checked) }, keys.ask = keys.ask || {}).then(function (ack) {
        error.textContent = ack.ok ? '' : ack.error;
        if (ack.ok) { text.value = ''; if (anon) anon.checked = false; }
      });
    });
    body.appendChild(form);
  }

  function item(q) {
    var li = ui.el('li', 'question' + (q.answeredUtc ? ' answered' : ''));
    li.appendChild(ui.el('p', 'text', q.text));
    li.appendChild(ui.el('p', 'who', (q.mine ? 'You' : q.anonymous ? (q.authorName ? 'Anonymous (' + q.authorName + ')' : 'Anonymous') : q.authorName) +
      ' · ' + q.votes + (q.votes === 1 ? ' vote' : ' votes')));
    if (q.answeredUtc) li.appendChild(ui.el('p', 'answer', 'Answered' + (q.answer ? ': ' + q.answer : '')));
    var error = ui.errorLine();
    var row = ui.el('div', 'actions');
    if (room.canWrite) {
      var vote = ui.el('button', 'secondary small', q.votedByMe ? 'Remove my vote' : 'Vote up');
      vote.type = 'button';
      vote.setAttribute('aria-pressed', q.votedByMe ? 'true' : 'false');
      vote.addEventListener('click', function () {
        room.send('Vote', { questionId: q.id, up: !q.votedByMe }, {}).then(function (ack) { error.textContent = ack.ok ? '' : ack.error; });
      });
      row.appendChild(vote);
    }
    li.appendChild(row);
    if (room.isFacilitator) {
      var form = ui.el('form', 'qa-answer');
      var input = ui.el('input'); input.type = 'text'; input.maxLength = 1000; input.value = q.answer || '';
      form.appendChild(ui.field('qa-answer-' + q.id, 'Answer note', input));
      var b = ui.el('button', 'secondary small', q.answeredUtc ? 'Update answer' : 'Mark answered'); b.type = 'submit';
      form.appendChild(b);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        room.send('AnswerQuestion', { questionId: q.id, answer: input.value }, form).then(function (ack) { error.textContent = ack.ok ? '' : ack.error; });
      });
      li.appendChild(form);
    }
    li.appendChild(error);
    return li;
  }

  var asked = false;
  var p = ui.panel(root, 'Questions', ['question.asked', 'question.voted', 'question.answered'], function (body, result) {
    if (!asked) { ask(body); asked = true; }
    var list = body.querySelector('ol.questions');
    if (!list) { list = ui.el('ol', 'questions'); body.appendChild(list); }
    list.textContent = '';
    var qs = result.questions.slice().sort(function (a, b) { return (!!a.answeredUtc - !!b.answeredUtc) || (b.votes - a.votes); });
    if (!qs.length) list.appendChild(ui.el('li', 'meta', 'No questions yet.'));
    qs.forEach(function (q) { list.appendChild(item(q)); });
  }, 'Q&A');
  KL.qa = p;
})(window.KindlingLive = window.KindlingLive || {});
