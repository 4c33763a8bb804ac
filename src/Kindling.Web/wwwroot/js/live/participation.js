// Facilitators only: how much each person has contributed so far, to notice who has not been heard yet.
(function (KL) {
  var room = KL.room,
    ui = KL.ui;
  var root = document.getElementById('room-participation');
  if (!room || !ui || !root || !room.isFacilitator) return;

  function render(body, result) {
    body.textContent = '';
    var refresh = ui.el('button', 'secondary small', 'Refresh');
    refresh.type = 'button';
    refresh.addEventListener('click', function () {
      p.load();
    });
    // The table may scroll sideways on a phone: the region takes keyboard focus so it can be scrolled without a mouse.
    var wrap = ui.el('div', 'table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', 'Participation table');
    var table = ui.el('table', 'participation');
    var cap = ui.el('caption', 'visually-hidden', 'Contributions per person in this session');
    table.appendChild(cap);
    var head = ui.el('tr');
    ['Name', 'Here', 'Responses', 'Questions', 'Characters'].forEach(function (h) {
      var th = ui.el('th', null, h);
      th.scope = 'col';
      head.appendChild(th);
    });
    var thead = ui.el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = ui.el('tbody');
    result.rows.forEach(function (r) {
      var tr = ui.el('tr', r.responses + r.questions === 0 ? 'quiet' : '');
      var name = ui.el('th', null, r.name + (r.role !== 'Participant' ? ' (' + r.role + ')' : ''));
      name.scope = 'row';
      tr.appendChild(name);
      [r.present ? 'yes' : 'no', r.responses, r.questions, r.characters].forEach(function (v) {
        tr.appendChild(ui.el('td', null, String(v)));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    body.appendChild(wrap);
    if (result.anonymousContributions)
      body.appendChild(
        ui.el('p', 'meta', result.anonymousContributions + ' anonymous contributions are not counted per person.'),
      );
    body.appendChild(refresh);
  }

  var p = ui.panel(
    root,
    'Participation',
    ['response.added', 'response.deleted', 'question.asked', 'section.revealed'],
    render,
    'Participation balance',
    5000,
  );
})((window.KindlingLive = window.KindlingLive || {}));
