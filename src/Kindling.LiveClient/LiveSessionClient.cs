using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kindling.LiveClient;

/// <summary>
/// A typed client for one live session. It applies events strictly in sequence order (buffering any that arrive early),
/// ignores duplicates, catches up "since N" after a reconnect, and retries a command with the same key so it is applied
/// once.
/// </summary>
public sealed partial class LiveSessionClient : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly SortedDictionary<long, LiveEvent> _early = new();
    private readonly object _gate = new();
    private readonly List<LiveEvent> _applied = [];

    /// <summary>Sequence numbers applied as a "private" placeholder; the full event may still follow and take their
    /// place.</summary>
    private readonly HashSet<long> _placeholders = [];
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid SessionId { get; }
    public long LastSeq { get; private set; }
    public Snapshot? Snapshot { get; private set; }
    public IReadOnlyList<PresentMember> Present { get; private set; } = [];

    /// <summary>Server clock minus this machine's clock, measured on join.</summary>
    public TimeSpan ClockOffset { get; private set; }
    public HubConnection Connection => _hub;

    /// <summary>
    /// Raised for each event in sequence order, once per sequence number, with one exception: a change meant for this
    /// reader reaches them twice (a "private" placeholder through the session, the full event through their own group),
    /// so when the placeholder came first the full event is raised as well, superseding it.
    /// </summary>
    public event Action<LiveEvent>? Applied;

    public LiveSessionClient(HubConnection hub, Guid sessionId)
    {
        _hub = hub;
        SessionId = sessionId;
        _hub.On<LiveEvent>(nameof(ISessionClient.Event), Receive);
        _hub.On<IReadOnlyList<LiveEvent>>(nameof(ISessionClient.Events), ReceiveMany);
        _hub.On<IReadOnlyList<PresentMember>>(
            nameof(ISessionClient.Presence),
            p =>
            {
                lock (_gate)
                    Present = p;
            }
        );
        _hub.On<PresenceDelta>(
            nameof(ISessionClient.PresenceChanged),
            d =>
            {
                lock (_gate)
                    Present = d.Apply(Present);
            }
        );
        _hub.On<Guid>(
            nameof(ISessionClient.Opened),
            id =>
            {
                // Not awaited here: a hub call awaited inside a handler would wait on the very loop that reads its
                // answer.
                if (id == SessionId && Snapshot is null)
                    _ = RejoinQuietlyAsync();
            }
        );
        _hub.On<SharedWorksheetList>(
            nameof(ISessionClient.SharedWorksheets),
            list => SharedWorksheetsPushed?.Invoke(list)
        );
        _hub.Reconnected += async _ => await JoinAsync();
    }

    /// <summary>The cohort's shared worksheets as pushed by the server when they change.</summary>
    public event Action<SharedWorksheetList>? SharedWorksheetsPushed;

    private async Task RejoinQuietlyAsync()
    {
        try
        {
            await JoinAsync();
        }
        catch (Exception)
        { /* the connection dropped meanwhile; joining after the reconnect takes over */
        }
    }

    public IReadOnlyList<LiveEvent> AppliedEvents
    {
        get
        {
            lock (_gate)
                return _applied.ToList();
        }
    }

    /// <summary>Keep every applied event in <see cref="AppliedEvents"/> (the default); a load test with many clients
    /// turns this off to bound memory.</summary>
    public bool KeepHistory { get; set; } = true;

    public async Task<JoinResult> StartAsync(CancellationToken ct = default)
    {
        if (_hub.State == HubConnectionState.Disconnected)
            await _hub.StartAsync(ct);
        await MeasureClockAsync();
        return await JoinAsync();
    }

    /// <summary>Joins, or re-joins after a drop: asks for everything after the last applied sequence number.</summary>
    public async Task<JoinResult> JoinAsync()
    {
        var result = await _hub.InvokeAsync<JoinResult>("Join", SessionId, LastSeq);
        if (!result.Ok)
            return result;
        lock (_gate)
        {
            if (result.Snapshot is { } s)
            {
                Snapshot = s;
                LastSeq = Math.Max(LastSeq, s.Seq);
                foreach (var seq in _early.Keys.Where(k => k <= LastSeq).ToList())
                    _early.Remove(seq);
                _placeholders.RemoveWhere(k => k <= LastSeq); // the snapshot already shows this reader's own changes
            }
            foreach (var e in result.Events)
                Accept(e);
            Drain();
        }
        _joined.TrySetResult();
        return result;
    }

    private async Task MeasureClockAsync()
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var sent = DateTime.UtcNow;
            var server = await _hub.InvokeAsync<DateTime>("Time");
            var back = DateTime.UtcNow;
            var rtt = back - sent;
            if (rtt < best)
            {
                best = rtt;
                ClockOffset = server - (sent + rtt / 2);
            }
        }
    }

    private void Receive(LiveEvent e) => ReceiveMany([e]);

    private void ReceiveMany(IReadOnlyList<LiveEvent> events)
    {
        bool gap;
        lock (_gate)
        {
            foreach (var e in events)
                Accept(e);
            Drain();
            gap = _early.Count > 0;
        }
        if (gap && Interlocked.Exchange(ref _gapCheck, 1) == 0)
            _ = FillGapAsync();
    }

    /// <summary>How long a missing sequence number may stay missing before the client asks the server for it.</summary>
    public TimeSpan GapWait { get; set; } = TimeSpan.FromSeconds(2);
    private int _gapCheck;

    /// <summary>A number that stays missing (its broadcast was lost, e.g. an instance stopped right after committing)
    /// is fetched by catching up.</summary>
    private async Task FillGapAsync()
    {
        try
        {
            await Task.Delay(GapWait);
            if (Waiting > 0 && _hub.State == HubConnectionState.Connected)
                await JoinAsync();
        }
        catch (Exception)
        { /* the connection dropped; rejoining after the reconnect catches up instead */
        }
        finally
        {
            Volatile.Write(ref _gapCheck, 0);
        }
    }

    private void Accept(LiveEvent e)
    {
        if (e.Seq <= LastSeq)
        {
            // The full version of a change we already applied as a placeholder: it supersedes the placeholder.
            if (e.Type != EventTypes.Private && _placeholders.Remove(e.Seq))
            {
                var at = _applied.FindLastIndex(a => a.Seq == e.Seq);
                if (at >= 0)
                    _applied[at] = e;
                Applied?.Invoke(e);
            }
            return;
        }
        // A private placeholder and the full event can share a number: keep the full one.
        if (_early.TryGetValue(e.Seq, out var have) && have.Type != EventTypes.Private)
            return;
        _early[e.Seq] = e;
    }

    private void Drain()
    {
        while (_early.Count > 0)
        {
            var first = _early.First();
            if (first.Key != LastSeq + 1)
                break;
            // Wait briefly for the full version of a placeholder addressed to us? No: placeholders are final for
            // others.
            if (first.Value.Type == EventTypes.Private && _placeholders.Add(first.Key) && _placeholders.Count > 1000)
                // most are other people's changes, never superseded
                _placeholders.RemoveWhere(k => k < first.Key - 1000);
            _early.Remove(first.Key);
            LastSeq = first.Key;
            if (KeepHistory)
                _applied.Add(first.Value);
            Applied?.Invoke(first.Value);
        }
    }

    /// <summary>Sequence numbers that arrived out of order and wait for a missing one.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _early.Count;
        }
    }

    /// <summary>Asks the server for anything missed (e.g. when <see cref="Waiting"/> stays above zero).</summary>
    public Task<JoinResult> CatchUpAsync() => JoinAsync();

    /// <summary>Facilitator: opens the session document before the session starts.</summary>
    public Task<Ack> OpenAsync() => _hub.InvokeAsync<Ack>("Open", SessionId);

    public Task<Ack> AddResponseAsync(Guid sectionId, string text, bool anonymous = false, string? key = null) =>
        SendAsync("AddResponse", k => new AddResponse(SessionId, sectionId, text, anonymous, k), key);

    public Task<Ack> EditResponseAsync(Guid responseId, string text, string? key = null) =>
        SendAsync("EditResponse", k => new EditResponse(SessionId, responseId, text, k), key);

    public Task<Ack> DeleteResponseAsync(Guid responseId, string? key = null) =>
        SendAsync("DeleteResponse", k => new DeleteResponse(SessionId, responseId, k), key);

    public Task<Ack> RollCallAsync(string answer, string? key = null) =>
        SendAsync("RollCall", k => new RollCall(SessionId, answer, k), key);

    public Task<Ack> ModerateAsync(
        Guid responseId,
        bool? hidden = null,
        bool? pinned = null,
        Guid? moveTo = null,
        string? key = null
    ) => SendAsync("Moderate", k => new ModerateResponse(SessionId, responseId, hidden, pinned, moveTo, k), key);

    public Task<Ack> AddPromptAsync(int activityIndex, string prompt, string? key = null) =>
        SendAsync("AddPrompt", k => new AddPrompt(SessionId, activityIndex, prompt, k), key);

    public Task<Ack> MovePromptAsync(Guid sectionId, int position, string? key = null) =>
        SendAsync("MovePrompt", k => new MovePrompt(SessionId, sectionId, position, k), key);

    public Task<Ack> SetSilentAsync(Guid sectionId, bool silent, string? key = null) =>
        SendAsync("SetSilent", k => new SetSilent(SessionId, sectionId, silent, k), key);

    public Task<Ack> RevealAsync(Guid sectionId, string? key = null) =>
        SendAsync("Reveal", k => new Reveal(SessionId, sectionId, k), key);

    public Task<Ack> TimerAsync(string action, int? minutes = null, string? key = null) =>
        SendAsync("Timer", k => new TimerCommand(SessionId, action, minutes, k), key);

    public Task<Ack> GotoAsync(int activityIndex, string? key = null) =>
        SendAsync("Goto", k => new GotoActivity(SessionId, activityIndex, k), key);

    public Task<Ack> SetLockedAsync(bool locked, string? key = null) =>
        SendAsync("SetLocked", k => new SetLocked(SessionId, locked, k), key);

    /// <summary>Sends a command; if the connection fails mid-call, waits for it to come back and sends the same key
    /// again.</summary>
    internal async Task<Ack> SendAsync<T>(string method, Func<string, T> make, string? key)
    {
        var command = make(key ?? Guid.NewGuid().ToString("N"));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _hub.InvokeAsync<Ack>(method, command);
            }
            catch (Exception) when (attempt < 5 && _hub.State != HubConnectionState.Connected)
            {
                await Task.Delay(200 * (attempt + 1));
            }
        }
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
