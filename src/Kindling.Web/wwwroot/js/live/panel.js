// Small helpers shared by the room's side panels (Q&A, breakouts, participation): building elements (the document's
// parts use it too, so this loads before doc.js), a status line that says "not available" when the server lacks a
// feature, and a debounced reload when that feature's events arrive.
(function (KL) {
  var room = KL.room;
  if (!room) return;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function field(id, labelText, input) {
    var wrap = el('div', 'field');
    var label = el('label', null, labelText);
    label.htmlFor = id;
    input.id = id;
    wrap.appendChild(label);
    wrap.appendChild(input);
    return wrap;
  }

  function errorLine() {
    var p = el('p', 'error');
    p.setAttribute('role', 'alert');
    return p;
  }

  /** Loads a panel's data with `method` whenever the room (re)joins and when an event of one of `types` arrives. */
  function panel(root, method, types, render, what, delayMs) {
    if (!root) return null;
    var status = root.querySelector('[data-status]'),
      body = el('div', 'panel-body'),
      timer = null,
      gone = false;
    root.appendChild(body);
    function load() {
      if (gone) return;
      room.invoke(method, room.sessionId).then(
        function (result) {
          if (!result || !result.ok) {
            status.textContent = (result && result.error) || what + ' could not be loaded.';
            return;
          }
          status.textContent = '';
          render(body, result);
        },
        function (err) {
          if (err && err.missing) {
            gone = true;
            status.textContent = what + ' is not available in this room yet.';
            body.textContent = '';
          } else status.textContent = what + ' could not be loaded; it will try again when the connection is back.';
        },
      );
    }
    room.on('joined', load);
    room.on('event', function (e) {
      if (types.indexOf(e.type) < 0) return;
      clearTimeout(timer);
      timer = setTimeout(load, delayMs || 250);
    });
    return { load: load, body: body };
  }

  KL.ui = { el: el, field: field, errorLine: errorLine, panel: panel };
})((window.KindlingLive = window.KindlingLive || {}));
