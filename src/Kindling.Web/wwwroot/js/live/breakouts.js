// Breakout groups: the facilitator splits the room (random, balanced by a profile field, or people choose), people
// see their group and its notes, can switch groups, and the facilitator ends the round.
(function (KL) {
  var room = KL.room,
    ui = KL.ui;
  if (!room || !ui) return;
  var root = document.getElementById('room-breakouts');
  var modes = [
    ['random', 'Random'],
    ['balanced', 'Balanced by a profile field'],
    ['self', 'People choose their group'],
  ];
  var fields = [
    ['organisation', 'Organisation'],
    ['title', 'Role or title'],
    ['timezone', 'Time zone'],
    ['pronouns', 'Pronouns'],
  ];

  function select(options) {
    var s = ui.el('select');
    options.forEach(function (o) {
      var opt = ui.el('option', null, o[1]);
      opt.value = o[0];
      s.appendChild(opt);
    });
    return s;
  }

  function startForm(body) {
    var form = ui.el('form', 'stack breakout-start');
    var count = ui.el('input');
    count.type = 'number';
    count.min = 2;
    count.max = 50;
    count.value = 3;
    count.required = true;
    form.appendChild(ui.field('bo-groups', 'Number of groups', count));
    var mode = select(modes);
    form.appendChild(ui.field('bo-mode', 'How to split', mode));
    var by = select(fields);
    var byField = ui.field('bo-field', 'Balance by', by);
    byField.hidden = true;
    form.appendChild(byField);
    mode.addEventListener('change', function () {
      byField.hidden = mode.value !== 'balanced';
    });
    var b = ui.el('button', null, 'Start breakouts');
    b.type = 'submit';
    form.appendChild(b);
    var error = ui.errorLine();
    form.appendChild(error);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      room
        .send(
          'StartBreakouts',
          {
            groups: parseInt(count.value, 10),
            mode: mode.value,
            balanceField: mode.value === 'balanced' ? by.value : null,
          },
          form,
        )
        .then(function (ack) {
          error.textContent = ack.ok ? '' : ack.error;
        });
    });
    body.appendChild(form);
  }

  function render(body, state) {
    body.textContent = '';
    var error = ui.errorLine();
    // a locked document takes no changes: no joining, starting or ending
    var locked = !!(room.state && room.state.locked);
    if (!state.running) {
      body.appendChild(
        ui.el(
          'p',
          'meta',
          state.roundId ? 'The last round has ended; its notes stay in the document.' : 'No breakout groups right now.',
        ),
      );
      if (room.isFacilitator && !locked) startForm(body);
      return;
    }
    var mine = state.myGroupId;
    body.appendChild(
      ui.el('p', null, 'Breakout groups are running' + (state.mode === 'self' ? ': choose a group to join.' : '.')),
    );
    var list = ui.el('ul', 'groups');
    state.groups.forEach(function (g) {
      var li = ui.el('li', 'group' + (g.id === mine ? ' mine' : ''));
      var h = ui.el('h3', null, g.name + (g.id === mine ? ' (your group)' : ''));
      li.appendChild(h);
      li.appendChild(
        ui.el(
          'p',
          'meta',
          g.members.length
            ? g.members
                .map(function (m) {
                  return m.name;
                })
                .join(', ')
            : 'Nobody yet',
        ),
      );
      // The notes sections arrive in the document with the same event, so each link has somewhere to jump to.
      if (g.sectionIds.length) {
        var links = ui.el('p', 'group-notes');
        g.sectionIds.forEach(function (id, i) {
          var a = ui.el('a', null, g.name + ' notes' + (g.sectionIds.length > 1 ? ', part ' + (i + 1) : ''));
          a.href = '#section-' + id;
          a.addEventListener('click', function (ev) {
            var target = document.getElementById('section-' + id);
            if (!target) return;
            ev.preventDefault();
            target.scrollIntoView({ block: 'start' });
            var field = target.querySelector('form.respond textarea, form.respond input[type=text]');
            var heading = target.querySelector('h3');
            if (!field) heading.tabIndex = -1;
            (field || heading).focus({ preventScroll: true });
            if (history.replaceState) history.replaceState(null, '', '#section-' + id);
          });
          if (i) links.appendChild(document.createTextNode(' · '));
          links.appendChild(a);
        });
        li.appendChild(links);
      }
      if (room.canWrite && !room.isFacilitator && g.id !== mine && !locked) {
        var join = ui.el('button', 'secondary small', 'Join ' + g.name);
        join.type = 'button';
        join.addEventListener('click', function () {
          room.send('MoveToGroup', { groupId: g.id, userId: null }, {}).then(function (ack) {
            error.textContent = ack.ok ? '' : ack.error;
          });
        });
        li.appendChild(join);
      }
      list.appendChild(li);
    });
    body.appendChild(list);
    if (room.isFacilitator && !locked) {
      var end = ui.el('button', 'secondary', 'End breakouts');
      end.type = 'button';
      end.addEventListener('click', function () {
        room.send('EndBreakouts', {}, {}).then(function (ack) {
          error.textContent = ack.ok ? '' : ack.error;
        });
      });
      body.appendChild(end);
    }
    body.appendChild(error);
  }

  KL.breakouts = ui.panel(
    root,
    'Breakouts',
    ['breakouts.started', 'breakouts.moved', 'breakouts.ended', 'document.locked'],
    render,
    'Breakouts',
  );
})((window.KindlingLive = window.KindlingLive || {}));
