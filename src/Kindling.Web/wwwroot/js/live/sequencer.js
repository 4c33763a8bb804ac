// Applies live events strictly in sequence order: early ones wait for the missing number, duplicates are dropped,
// and the real version of a change replaces the "private" placeholder of the same number (the author of a silent
// response receives both: the placeholder through the session group and the real event through their own group).
(function (KL) {
  KL.Sequencer = function (apply) {
    var early = new Map(),
      placeholders = new Set();
    var self = { last: 0 };

    self.reset = function (seq) {
      self.last = seq;
      early.forEach(function (_, k) {
        if (k <= seq) early.delete(k);
      });
      placeholders.clear();
    };

    self.accept = function (e) {
      if (e.seq <= self.last) {
        if (e.type !== 'private' && placeholders.has(e.seq)) {
          placeholders.delete(e.seq);
          apply(e);
        }
        return;
      }
      var have = early.get(e.seq);
      if (have && have.type !== 'private') return;
      early.set(e.seq, e);
      while (early.has(self.last + 1)) {
        var next = early.get(self.last + 1);
        early.delete(self.last + 1);
        self.last++;
        if (next.type === 'private') placeholders.add(next.seq);
        apply(next);
      }
      placeholders.forEach(function (k) {
        if (k < self.last - 500) placeholders.delete(k);
      });
    };

    /** How many events wait for a missing sequence number. */
    self.waiting = function () {
      return early.size;
    };
    return self;
  };
})((window.KindlingLive = window.KindlingLive || {}));
