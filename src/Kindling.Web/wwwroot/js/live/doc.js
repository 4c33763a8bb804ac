// What the parts of the session document (responses.js, prompttools.js, prompts.js, shareslot.js, document.js) share:
// building elements, the reader's rights, and the one rule of silent rounds.
(function (KL) {
  var room = KL.room,
    ui = KL.ui;
  if (!room || !ui || !document.getElementById('room-doc')) return;
  var el = ui.el;

  function button(text, cls, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function showError(box, ack) {
    box.textContent = ack.ok ? '' : ack.error || 'That did not work; try again.';
  }

  function writable() {
    return room.canWrite && room.state && !room.state.locked;
  }

  /** A silent round not revealed yet: only authors see its responses, nobody moderates them (the server refuses). */
  function awaitingReveal(s) {
    return !!(s && s.silent && !s.revealed);
  }

  function sectionOf(id) {
    return room.state.sections.find(function (x) {
      return x.id === id;
    });
  }

  /** Group notes sections carry their group's name in the title ("Group 1 — …"); other prompts show the prompt. */
  function sectionHeading(s) {
    return s.kind === 'breakout-notes' ? s.title : s.prompt;
  }

  /** A prompt's responses as shown: pinned first, then oldest first. */
  function responsesOf(sectionId) {
    var list = [];
    room.state.responses.forEach(function (r) {
      if (r.sectionId === sectionId) list.push(r);
    });
    list.sort(function (a, b) {
      return b.pinned - a.pinned || (a.createdUtc < b.createdUtc ? -1 : a.createdUtc > b.createdUtc ? 1 : 0);
    });
    return list;
  }

  KL.doc = {
    MAX: 4000,
    // "sectionId\ntext" of answers on their way: their echo is not announced as someone else's
    sending: new Set(),
    el: el,
    button: button,
    showError: showError,
    writable: writable,
    awaitingReveal: awaitingReveal,
    sectionOf: sectionOf,
    sectionHeading: sectionHeading,
    responsesOf: responsesOf,
  };
})((window.KindlingLive = window.KindlingLive || {}));
