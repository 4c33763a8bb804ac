// A facilitator's tools on each prompt of the session document: move it up or down within its agenda item, and
// turn silent mode on or off. A change rebuilds the tools, so keyboard focus is handed back to the same tool.
(function (KL) {
  var room = KL.room,
    doc = KL.doc;
  if (!room || !doc) return;
  var el = doc.el,
    button = doc.button;
  var focusAfter = null; // { sectionId, tool, until }: a facilitator tool whose button the next render replaces

  /** The tools are rebuilt on their own, so a move never disturbs an answer being typed in the prompt. */
  doc.renderTools = function (art, s, place) {
    var old = art.querySelector('.section-tools');
    var want = room.isFacilitator && !room.state.locked;
    var v = JSON.stringify([s.silent, s.revealed, place.first, place.last]);
    if (old && want && old.dataset.v === v) return;
    if (old) old.remove();
    if (!want) return;
    var tools = buildTools(s, place);
    tools.dataset.v = v;
    art.insertBefore(tools, art.querySelector('h3').nextSibling);
  };

  /** Order and silent-mode controls; `place` says whether the prompt is first/last in its activity. */
  function buildTools(s, place) {
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
          doc.showError(error, ack);
          if (!ack.ok) focusAfter = null;
        });
      };
    }
    function neighbour(step) {
      var list = room.state.sections,
        i = list.findIndex(function (x) {
          return x.id === s.id;
        }),
        j = i + step;
      return list[j] && list[j].activityIndex === s.activityIndex ? j : -1;
    }
    function tool(name, text, onClick) {
      var b = button(text, 'secondary small', onClick);
      b.dataset.tool = name;
      row.appendChild(b);
    }
    function move(step) {
      return function (ev) {
        var j = neighbour(step);
        if (j >= 0) act('MovePrompt', { position: j })(ev);
      };
    }
    if (!place.first) tool('up', 'Move prompt up', move(-1));
    if (!place.last) tool('down', 'Move prompt down', move(1));
    if (!s.silent) tool('silent', 'Make it a silent round', act('SetSilent', { silent: true }));
    else if (s.revealed) tool('silent', 'Turn silent mode off', act('SetSilent', { silent: false }));
    tools.appendChild(row);
    tools.appendChild(error);
    return tools;
  }

  /** After a render, gives focus back to the tool that was pressed, if nothing else has taken it meanwhile. */
  doc.restoreFocus = function () {
    if (!focusAfter) return;
    if (Date.now() > focusAfter.until) {
      focusAfter = null;
      return;
    }
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    var tools = document.querySelector('#section-' + focusAfter.sectionId + ' .section-tools');
    var target =
      tools && (tools.querySelector('[data-tool="' + focusAfter.tool + '"]') || tools.querySelector('button'));
    if (target) {
      target.focus();
      focusAfter = null;
    }
  };
})((window.KindlingLive = window.KindlingLive || {}));
