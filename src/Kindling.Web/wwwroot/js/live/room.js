// The live room's core: joins the session hub, keeps the reader's copy of the document by applying events in order,
// re-joins "since N" after a reconnect, and sends commands with a client key that is reused when a send is retried.
// Panels (document.js, runofshow.js, qa.js, ...) subscribe with room.on(...); start.js connects once all are loaded.
(function (KL) {
  var configEl = document.getElementById('room-config');
  if (!configEl || !window.signalR) return;
  var config = JSON.parse(configEl.textContent);
  var handlers = {};
  var connection = null,
    joined = false,
    waiters = [],
    gapTimer = null,
    retryJoinTimer = null;

  var room = {
    config: config,
    sessionId: config.sessionId,
    isFacilitator: config.role === 'Facilitator',
    canWrite: config.role !== 'Observer',
    state: null,
    present: [],
    shared: config.shared || [], // the cohort's shared worksheets, listed in the "share your insights" slot
  };

  room.on = function (name, fn) {
    (handlers[name] = handlers[name] || []).push(fn);
  };
  function emit(name, a, b) {
    (handlers[name] || []).forEach(function (fn) {
      fn(a, b);
    });
  }
  room.emit = emit;

  // ---- state -------------------------------------------------------------------------------------------------
  function fromSnapshot(s) {
    var responses = new Map(),
      mine = new Set();
    s.responses.forEach(function (r) {
      responses.set(r.id, r);
      if (r.mine) mine.add(r.id);
    });
    return {
      seq: s.seq,
      title: s.title,
      role: s.role,
      locked: s.locked,
      allowAnonymous: s.allowAnonymous,
      currentActivity: s.currentActivity,
      timer: s.timer,
      sections: s.sections.slice(),
      responses: responses,
      mine: mine,
    };
  }

  function applyOrder(st, order) {
    order.forEach(function (id, i) {
      var s = st.sections.find(function (x) {
        return x.id === id;
      });
      if (s) s.position = i;
    });
    sortSections(st);
  }

  function sortSections(st) {
    st.sections.sort(function (a, b) {
      return a.position - b.position;
    });
  }

  function upsertSection(st, view) {
    var i = st.sections.findIndex(function (s) {
      return s.id === view.id;
    });
    if (i >= 0) st.sections[i] = view;
    else st.sections.push(view);
    sortSections(st);
  }

  // An event's copy of a response never names an anonymous author nor says "mine": keep what this reader already knew.
  function upsertResponse(st, r) {
    var had = st.responses.get(r.id);
    var copy = Object.assign({}, r);
    copy.mine = st.mine.has(r.id);
    if (had && r.anonymous && r.authorName === null) copy.authorName = had.authorName;
    if (!('text' in r) && had) copy.text = had.text;
    st.responses.set(r.id, copy);
    return copy;
  }

  function reduce(st, e) {
    var d = e.data;
    switch (e.type) {
      case 'response.added':
      case 'response.updated':
        upsertResponse(st, d);
        break;
      case 'response.deleted':
        st.responses.delete(d.id);
        break;
      case 'response.moderated':
        if (d.hidden && !room.isFacilitator && !st.mine.has(d.id)) st.responses.delete(d.id);
        else if (d.hidden) {
          var had = st.responses.get(d.id);
          if (had) upsertResponse(st, Object.assign({}, had, d));
        } else upsertResponse(st, d);
        break;
      case 'section.added':
        // The server makes room for the new prompt by moving everything from its position down one place.
        if (
          !st.sections.some(function (s) {
            return s.id === d.id;
          })
        )
          st.sections.forEach(function (s) {
            if (s.position >= d.position) s.position++;
          });
        upsertSection(st, d);
        break;
      case 'section.silent':
        upsertSection(st, d);
        break;
      case 'section.moved':
        applyOrder(st, d.order);
        break;
      case 'breakouts.started':
        // Each group's notes sections arrive with the document's new order, so they appear in place at once.
        (d.sections || []).forEach(function (s) {
          upsertSection(st, s);
        });
        if (d.order) applyOrder(st, d.order);
        break;
      case 'section.revealed':
        upsertSection(st, d.section);
        d.responses.forEach(function (r) {
          upsertResponse(st, r);
        });
        break;
      case 'timer':
        st.timer = d;
        st.currentActivity = d.activityIndex;
        break;
      case 'document.locked':
        st.locked = d.locked;
        if (d.locked && st.timer) st.timer = Object.assign({}, st.timer, { endsUtc: null });
        break;
    }
  }

  var sequencer = KL.Sequencer(function (e) {
    if (room.state) {
      reduce(room.state, e);
      room.state.seq = Math.max(room.state.seq, e.seq);
    }
    emit('event', e);
    emit('changed', e);
  });

  function receive(e) {
    KL.clock.observe(e.serverNowUtc);
    sequencer.accept(e);
    // A number went missing (e.g. a dropped message): ask for everything since the last one applied.
    clearTimeout(gapTimer);
    if (sequencer.waiting() > 0)
      gapTimer = setTimeout(function () {
        if (sequencer.waiting() > 0) join();
      }, 2000);
  }

  /** The cohort's shared worksheets changed (fetched on joining, or pushed by the server when one is shared). */
  room.setShared = function (list) {
    room.shared = list || [];
    emit('shared', room.shared);
  };

  room.useSnapshot = function (s) {
    room.state = s ? fromSnapshot(s) : null;
    sequencer.reset(s ? s.seq : 0);
    emit('snapshot', room.state);
    emit('changed', null);
  };

  /** Marks a response as the reader's own (the ack of their add arrives after the broadcast event). */
  room.markMine = function (id) {
    if (!room.state || !id) return;
    room.state.mine.add(id);
    var r = room.state.responses.get(id);
    if (r) {
      r.mine = true;
      emit('changed', { type: 'mine', data: r });
    }
  };

  /** Who is here after a change: the people who left are removed, those who arrived added (or replaced),
   *  ordered by name. */
  function applyPresence(list, delta) {
    var gone = new Set(
      delta.left.concat(
        delta.joined.map(function (m) {
          return m.userId;
        }),
      ),
    );
    return list
      .filter(function (m) {
        return !gone.has(m.userId);
      })
      .concat(delta.joined)
      .sort(function (a, b) {
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
  }

  // ---- connection ------------------------------------------------------------------------------------------
  function status(state, text) {
    var el = document.getElementById('room-conn');
    if (el) {
      el.dataset.state = state;
      el.textContent = text;
    }
    emit('connection', state);
  }

  function join() {
    var since = room.state ? sequencer.last : 0;
    return connection.invoke('Join', room.sessionId, since).then(function (result) {
      KL.clock.observe(result.serverNowUtc);
      clearTimeout(retryJoinTimer);
      if (!result.ok) {
        joined = false;
        status('closed', result.error);
        // Waiting for the document to open: the server says when it does (Opened); look again now and then all the
        // same.
        retryJoinTimer = setTimeout(function () {
          if (connection.state === 'Connected') join();
        }, 15000);
        emit('closed', result.error);
        return result;
      }
      if (result.snapshot) room.useSnapshot(result.snapshot);
      result.events.forEach(receive);
      joined = true;
      status('live', 'Live');
      emit('joined', result);
      waiters.splice(0).forEach(function (w) {
        w();
      });
      return result;
    });
  }
  room.rejoin = join;

  function whenJoined() {
    return joined && connection.state === 'Connected'
      ? Promise.resolve()
      : new Promise(function (res) {
          waiters.push(res);
        });
  }

  function offline() {
    status('offline', 'Offline — your unsent text is kept');
  }

  /**
   * Whether the server no longer takes this browser's sign-in (signed out, or the password changed). A WebSocket the
   * server refuses fails like any other to a page (no status), so when a connection fails or is closed, ask the hub's
   * negotiate endpoint, which answers 401 then; a network failure counts as "not known to be signed out".
   */
  var signedOut = false;
  function checkSignedOut() {
    return fetch(config.hub + '/negotiate?negotiateVersion=1', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    }).then(
      function (r) {
        signedOut = r.status === 401;
        return signedOut;
      },
      function () {
        return false;
      },
    );
  }
  function showSignedOut() {
    status('closed', 'You are signed out. Sign in again to rejoin the room.');
  }

  room.start = function () {
    // WebSockets only, without the negotiate round trip: behind a proxy that spreads requests over several instances
    // (no sticky sessions), a negotiation and the connection it names can reach different instances, and only a
    // WebSocket opened without one stays on the instance it reached (deploy/README.md).
    connection = new signalR.HubConnectionBuilder()
      .withUrl(config.hub, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: function (ctx) {
          // After a failed attempt: if the sign-in is gone, stop retrying (onclose then says so).
          if (ctx.previousRetryCount >= 1)
            checkSignedOut().then(function (out) {
              if (out) connection.stop();
            });
          if (ctx.previousRetryCount >= 2) offline();
          return Math.min(10000, 1000 * Math.pow(2, ctx.previousRetryCount));
        },
      })
      .configureLogging(signalR.LogLevel.None)
      .build();
    room.connection = connection;
    connection.on('Event', receive);
    connection.on('Events', function (list) {
      list.forEach(receive);
    });
    connection.on('Presence', function (list) {
      room.present = list;
      emit('presence', list);
    });
    connection.on('PresenceChanged', function (delta) {
      room.present = applyPresence(room.present, delta);
      emit('presence', room.present);
    });
    // The document opened while this room waited for it: join now rather than at the next look.
    connection.on('Opened', function () {
      if (!joined && connection.state === 'Connected') join();
    });
    connection.on('SharedWorksheets', function (list) {
      if (list && list.ok) room.setShared(list.worksheets);
    });
    connection.onreconnecting(function () {
      joined = false;
      status('reconnecting', 'Reconnecting…');
    });
    connection.onreconnected(function () {
      KL.clock.measure(connection).then(join, join);
    });
    // Closed for good (the server ended it, e.g. after a sign-out elsewhere, or reconnecting gave up): trying again
    // cannot help until they sign in; otherwise try again shortly.
    connection.onclose(function () {
      joined = false;
      (signedOut ? Promise.resolve(true) : checkSignedOut()).then(function (out) {
        if (out) return showSignedOut();
        offline();
        setTimeout(connect, 5000);
      });
    });
    window.addEventListener('offline', offline);
    window.addEventListener('online', function () {
      if (joined && connection.state === 'Connected') status('live', 'Live');
      else if (connection.state === 'Disconnected') connect();
      else status('reconnecting', 'Reconnecting…');
    });
    connect();
  };

  function connect() {
    if (connection.state !== 'Disconnected') return;
    status('connecting', 'Connecting…');
    connection
      .start()
      .then(function () {
        return KL.clock.measure(connection);
      })
      .then(join)
      .catch(function () {
        // Signed out (here or elsewhere, or the password changed): trying again cannot help until they sign in.
        checkSignedOut().then(function (out) {
          if (out) return showSignedOut();
          offline();
          setTimeout(connect, 5000);
        });
      });
  }

  // ---- commands --------------------------------------------------------------------------------------------
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, '');
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function missing(err) {
    return /Method does not exist|unknown hub method/i.test(String(err && err.message));
  }
  room.isMissingMethod = missing;

  /**
   * Sends a command and resolves with its Ack. The key lives on `holder` (e.g. a form) until the server has answered,
   * so pressing the button again after a dropped connection resends the same change rather than a second one.
   * While the connection is down the send waits for it (onWaiting is told) and then goes out with the same key.
   */
  room.send = function (method, fields, holder, onWaiting) {
    holder = holder || {};
    if (!holder.clientKey) holder.clientKey = newKey();
    var command = Object.assign({ sessionId: room.sessionId, clientKey: holder.clientKey }, fields);
    var tries = 0;
    function attempt() {
      if (!(joined && connection.state === 'Connected') && onWaiting) onWaiting();
      return whenJoined()
        .then(function () {
          return connection.invoke(method, command);
        })
        .then(
          function (ack) {
            holder.clientKey = null;
            return ack;
          },
          function (err) {
            if (missing(err)) {
              holder.clientKey = null;
              return { ok: false, error: 'This is not available in this room yet.' };
            }
            // Still connected: the server refused to run it (not a dropped connection), so do not resend.
            if (connection.state === 'Connected' && joined) {
              holder.clientKey = null;
              return { ok: false, error: 'The server could not do that just now; try again.' };
            }
            if (++tries < 5) return attempt();
            return {
              ok: false,
              error: 'Not sent: the connection keeps dropping. Your text is kept; press the button again.',
            };
          },
        );
    }
    return attempt();
  };

  /** Calls a hub method that answers data (not an Ack); rejects with {missing: true} when the server lacks it. */
  room.invoke = function () {
    var args = Array.prototype.slice.call(arguments);
    return whenJoined()
      .then(function () {
        return connection.invoke.apply(connection, args);
      })
      .catch(function (err) {
        throw { missing: missing(err), message: String(err && err.message) };
      });
  };

  // ---- announcements ---------------------------------------------------------------------------------------
  var pendingNote = null;
  room.announce = function (text) {
    var el = document.getElementById('room-announce');
    if (!el) return;
    clearTimeout(pendingNote);
    el.textContent = '';
    pendingNote = setTimeout(function () {
      el.textContent = text;
    }, 100);
  };

  room.kindLabel = function (kind) {
    return (config.kinds && config.kinds[kind]) || kind;
  };

  KL.room = room;
})((window.KindlingLive = window.KindlingLive || {}));
