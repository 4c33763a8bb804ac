// Keeps the bell's unread count in the header current while a page is open. Without JavaScript (or without a
// connection) the count is the one rendered with the page. The SignalR client is loaded on demand unless the page
// (the live room) already has it.
(function () {
  var bell = document.querySelector('[data-bell]');
  if (!bell || !window.WebSocket) return;
  var slot = bell.querySelector('[data-bell-count]');
  var listPage = document.getElementById('notifications-live');
  var shown = count();

  function count() {
    var badge = slot.querySelector('.badge');
    return badge ? badge.textContent : '0';
  }

  function hidden(text) {
    var span = document.createElement('span');
    span.className = 'visually-hidden';
    span.textContent = text;
    return span;
  }

  // The same markup as the server's: "Notifications, 3 unread" read out, "3" shown.
  function render(unread) {
    var text = unread >= 100 ? '99+' : String(unread);
    if (text === shown) return;
    var more = unread > 0 && (shown === '0' || (shown !== '99+' && Number(text) > Number(shown)));
    shown = text;
    slot.textContent = '';
    if (unread > 0) {
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = text;
      slot.append(hidden(', '), badge, hidden(' unread'));
    }
    if (listPage && more) listPage.hidden = false;
  }

  function start() {
    var connection = new signalR.HubConnectionBuilder()
      // WebSockets only, with no negotiation: works behind a proxy without sticky sessions (see live/room.js).
      .withUrl('/hubs/notifications', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on('Changed', render);
    function refresh() {
      connection.invoke('Count').then(render, function () {});
    }
    connection.onreconnected(refresh);
    connection.start().then(refresh, function () {});
  }

  if (window.signalR) start();
  else {
    var script = document.createElement('script');
    script.src = '/lib/signalr/signalr.min.js';
    script.onload = start;
    document.head.appendChild(script);
  }
})();
