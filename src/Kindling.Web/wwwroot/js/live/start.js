// Last of the room's scripts: shows the server-rendered snapshot through the same code that applies live events, then
// connects.
(function (KL) {
  var room = KL.room;
  if (!room) return;
  var data = document.getElementById('room-snapshot');
  var snapshot = data ? JSON.parse(data.textContent) : null;
  if (snapshot) room.useSnapshot(snapshot);
  room.start();
})((window.KindlingLive = window.KindlingLive || {}));
