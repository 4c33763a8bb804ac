// The shared timer everyone sees (computed from the server's absolute end time and this browser's clock offset),
// the recording indicator, presence, and the facilitator's run of show: agenda, timer controls, next activity,
// adding prompts, locking, and opening the document early.
(function (KL) {
  var room = KL.room,
    clock = KL.clock;
  if (!room) return;
  var $ = function (id) {
    return document.getElementById(id);
  };
  var timerBox = $('room-timer'),
    clockEl = $('room-clock'),
    stateEl = $('room-timer-state'),
    activityEl = $('room-timer-activity');
  var lastShown = '',
    lastRemaining = null,
    doneFor = null,
    audio = null;

  function agenda() {
    var items = [],
      seen = new Set();
    if (!room.state) return items;
    room.state.sections.forEach(function (s) {
      if (seen.has(s.activityIndex)) return;
      seen.add(s.activityIndex);
      items.push({ index: s.activityIndex, title: s.title, kind: s.kind, minutes: s.minutes });
    });
    return items;
  }

  function current() {
    var st = room.state;
    return (
      st &&
      agenda().find(function (a) {
        return a.index === st.currentActivity;
      })
    );
  }

  // ---- the shared timer ----------------------------------------------------------------------------------------
  function tick() {
    var st = room.state;
    if (!st) return;
    var t = st.timer,
      left = clock.remaining(t),
      state;
    if (t && t.endsUtc) state = left < 0 ? 'over' : 'running';
    else if (left !== null) state = 'paused';
    else state = 'idle';
    var text = left === null ? clock.format(t ? t.durationMs : 0) : clock.format(left);
    if (text !== lastShown) {
      clockEl.textContent = text;
      lastShown = text;
    }
    timerBox.dataset.state = state;
    var label =
      state === 'paused' ? 'Paused' : state === 'idle' ? 'Not started' : state === 'over' ? 'Time is up' : 'Running';
    if (stateEl.textContent !== label) stateEl.textContent = label;
    if (state === 'over' && lastRemaining !== null && lastRemaining >= 0 && doneFor !== t.endsUtc) {
      doneFor = t.endsUtc;
      var a = current();
      room.announce('Time is up' + (a ? ' for ' + a.title : '') + '.');
      timerBox.classList.remove('chime');
      void timerBox.offsetWidth; // restart the animation
      timerBox.classList.add('chime');
      if ($('room-sound').checked) chime();
    }
    lastRemaining = state === 'running' || state === 'over' ? left : null;
  }

  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var now = audio.currentTime,
        osc = audio.createOscillator(),
        gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(660, now);
      osc.frequency.exponentialRampToValueAtTime(440, now + 0.9);
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.15, now + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 1);
      osc.connect(gain).connect(audio.destination);
      osc.start(now);
      osc.stop(now + 1.05);
    } catch (e) {
      /* no audio here: the visual cue and the announcement remain */
    }
  }

  function renderStatus() {
    var st = room.state;
    $('room-recording').hidden = !(st && st.timer && st.timer.recording);
    var a = current();
    // The activity's name links to its place in the document, for anyone who has scrolled away from it.
    activityEl.textContent = a ? a.title : '';
    activityEl.hidden = !a;
    if (a) activityEl.href = '#activity-' + a.index;
    tick();
  }

  var sound = $('room-sound');
  $('room-sound-wrap').hidden = false;
  try {
    sound.checked = localStorage.getItem('kindling.room.sound') === 'on';
  } catch (e) {
    /* storage off */
  }
  sound.addEventListener('change', function () {
    try {
      localStorage.setItem('kindling.room.sound', sound.checked ? 'on' : 'off');
    } catch (e) {
      /* storage off */
    }
    if (sound.checked) {
      // Browsers only allow sound started from a click: create (or wake) the audio context now.
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        audio.resume();
      } catch (e) {
        /* none */
      }
    }
  });

  // ---- presence ------------------------------------------------------------------------------------------------
  room.on('presence', function (list) {
    var ul = $('room-presence');
    ul.textContent = '';
    list.forEach(function (m) {
      var li = document.createElement('li');
      li.textContent = m.name + ' ';
      if (m.role !== 'Participant') {
        var tag = document.createElement('span');
        tag.className = 'tag';
        tag.textContent = m.role;
        li.appendChild(tag);
      }
      ul.appendChild(li);
    });
    $('room-presence-count').textContent = '(' + list.length + ')';
  });

  // ---- the facilitator's run of show -----------------------------------------------------------------------------
  var panel = $('room-ros');
  function fail(ack) {
    $('room-ros-error').textContent = ack.ok ? '' : ack.error;
    return ack;
  }

  var rosVersion = '';
  function renderRunOfShow() {
    var st = room.state;
    panel.hidden = !st;
    if (!st) return;
    var items = agenda(),
      ol = $('room-agenda');
    // Rebuilt only when it changed, so keyboard focus stays put while responses stream in.
    var v = JSON.stringify([items, st.currentActivity, st.locked, st.timer]);
    if (v === rosVersion) return;
    rosVersion = v;
    ol.textContent = '';
    items.forEach(function (a) {
      var li = document.createElement('li');
      var isCurrent = a.index === st.currentActivity;
      if (isCurrent) {
        li.className = 'current';
        li.setAttribute('aria-current', 'step');
      }
      var text = document.createElement('span');
      text.textContent = a.title + ' · ' + a.minutes + ' min';
      li.appendChild(text);
      if (!isCurrent) {
        var go = document.createElement('button');
        go.type = 'button';
        go.className = 'secondary small';
        go.textContent = 'Go';
        var hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ' to ' + a.title;
        go.appendChild(hidden);
        go.disabled = st.locked;
        go.addEventListener('click', function () {
          room.send('Goto', { activityIndex: a.index }, {}).then(fail);
        });
        li.appendChild(go);
      }
      ol.appendChild(li);
    });
    var t = st.timer || {},
      running = !!t.endsUtc,
      paused = !running && t.pausedRemainingMs !== null && t.pausedRemainingMs !== undefined;
    panel.querySelectorAll('[data-timer]').forEach(function (b) {
      var action = b.dataset.timer;
      b.disabled =
        st.locked ||
        (action === 'pause' && !running) ||
        (action === 'resume' && !paused) ||
        ((action === 'extend' || action === 'end') && !running && !paused);
      if (action === 'start') b.textContent = running || paused ? 'Restart timer' : 'Start timer';
    });
    var pos = items.findIndex(function (a) {
      return a.index === st.currentActivity;
    });
    $('room-next').disabled = st.locked || pos < 0 || pos >= items.length - 1;
    $('room-lock').textContent = st.locked ? 'Unlock the document' : 'Lock the document';
    // The prompt goes to the current agenda item unless the facilitator picked another one.
    var select = $('room-add-prompt-activity'),
      chosen = select.dataset.picked ? select.value : '';
    select.textContent = '';
    items.forEach(function (a) {
      var o = document.createElement('option');
      o.value = a.index;
      o.textContent = a.title;
      select.appendChild(o);
    });
    select.value =
      chosen &&
      items.some(function (a) {
        return String(a.index) === chosen;
      })
        ? chosen
        : String(st.currentActivity);
    // Locked: nothing to start, move on to or add; only the lock button stays (to unlock).
    $('room-add-prompt').hidden = st.locked;
    panel.querySelector('[role=group][aria-label=Timer]').hidden = st.locked;
    $('room-next').hidden = st.locked;
  }

  if (panel) {
    panel.querySelectorAll('[data-timer]').forEach(function (b) {
      b.addEventListener('click', function () {
        var minutes = b.dataset.minutes ? parseInt(b.dataset.minutes, 10) : null;
        room.send('Timer', { action: b.dataset.timer, minutes: minutes }, {}).then(fail);
      });
    });
    $('room-next').addEventListener('click', function () {
      var items = agenda(),
        pos = items.findIndex(function (a) {
          return a.index === room.state.currentActivity;
        });
      if (pos >= 0 && pos < items.length - 1) room.send('Goto', { activityIndex: items[pos + 1].index }, {}).then(fail);
    });
    $('room-lock').addEventListener('click', function () {
      room.send('SetLocked', { locked: !room.state.locked }, {}).then(fail);
    });
    var form = $('room-add-prompt');
    $('room-add-prompt-activity').addEventListener('change', function (ev) {
      ev.currentTarget.dataset.picked = '1';
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = $('room-add-prompt-text');
      room
        .send(
          'AddPrompt',
          { activityIndex: parseInt($('room-add-prompt-activity').value, 10), prompt: text.value },
          form,
        )
        .then(function (ack) {
          form.querySelector('[data-error]').textContent = ack.ok ? '' : ack.error;
          if (ack.ok) text.value = '';
        });
    });
  }

  var open = $('room-open');
  if (open) {
    room.on('closed', function () {
      open.hidden = !!room.state;
    });
    open.addEventListener('click', function () {
      var error = $('room-open-error');
      open.disabled = true;
      error.textContent = '';
      room.connection.invoke('Open', room.sessionId).then(
        function (ack) {
          open.disabled = false;
          if (ack.ok) room.rejoin();
          else error.textContent = ack.error;
        },
        function () {
          open.disabled = false;
          error.textContent = 'The document could not be opened just now; try again.';
        },
      );
    });
  }

  room.on('changed', function () {
    renderStatus();
    if (panel) renderRunOfShow();
  });
  setInterval(tick, 250);
})((window.KindlingLive = window.KindlingLive || {}));
