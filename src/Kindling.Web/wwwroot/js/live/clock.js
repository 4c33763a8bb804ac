// The shared clock of the live room: how far the server's clock is from this one, and how a timer reads.
// The offset comes from the best of three Time() round trips (re-measured after every reconnect); every event also
// carries the server's clock, which can only raise the estimate (an event is never received before it was sent).
(function (KL) {
  var clock = { offsetMs: 0 };

  clock.parse = function (iso) {
    if (!iso) return NaN;
    return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + 'Z');
  };

  clock.now = function () {
    return Date.now() + clock.offsetMs;
  };

  clock.measure = function (connection) {
    var best = Infinity,
      tries = 0;
    function once() {
      var sent = Date.now();
      return connection.invoke('Time').then(function (server) {
        var back = Date.now(),
          rtt = back - sent;
        if (rtt < best) {
          best = rtt;
          clock.offsetMs = clock.parse(server) - (sent + rtt / 2);
        }
        return ++tries < 3 ? once() : clock.offsetMs;
      });
    }
    return once();
  };

  clock.observe = function (serverNowIso) {
    var lower = clock.parse(serverNowIso) - Date.now();
    if (lower > clock.offsetMs) clock.offsetMs = lower;
  };

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** "4:59" while time remains, "+1:05 over" after; whole seconds, rounded so a fresh 5-minute timer reads 5:00. */
  clock.format = function (ms) {
    if (ms >= 0) {
      var s = Math.ceil(ms / 1000);
      return Math.floor(s / 60) + ':' + pad(s % 60);
    }
    var over = Math.floor(-ms / 1000);
    return '+' + Math.floor(over / 60) + ':' + pad(over % 60) + ' over';
  };

  /** Milliseconds left on a TimerState (negative when overrun), or null when the timer is not running or paused. */
  clock.remaining = function (timer) {
    if (!timer) return null;
    if (timer.endsUtc) return clock.parse(timer.endsUtc) - clock.now();
    if (timer.pausedRemainingMs !== null && timer.pausedRemainingMs !== undefined) return timer.pausedRemainingMs;
    return null;
  };

  KL.clock = clock;
})((window.KindlingLive = window.KindlingLive || {}));
