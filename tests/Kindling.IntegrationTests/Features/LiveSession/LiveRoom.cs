using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;
using LiveEvent = Kindling.LiveClient.LiveEvent;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// A cohort scenario with its session document opened and typed clients joined as real accounts: the arrangement most
/// live-session tests start from. Extra participants can be added; every client is disposed with the room.
/// </summary>
public sealed class LiveRoom : IAsyncDisposable
{
    private readonly List<LiveSessionClient> _clients = [];
    private readonly Dictionary<string, string> _cookies = [];
    public required CohortScenario S { get; init; }
    public KindlingApp App => S.App;
    public Guid SessionId => S.SessionId;

    public static async Task<LiveRoom> OpenAsync(KindlingApp app)
    {
        var s = await CohortScenario.CreateAsync(app);
        await LiveClients.OpenDocumentAsync(s);
        return new LiveRoom { S = s };
    }

    /// <summary>Adds another participant to the cohort (by default one who acknowledged the guidelines) and returns the
    /// account.</summary>
    public async Task<AppUser> AddParticipantAsync(string name, bool acknowledged = true)
    {
        var user = await App.CreateUserAsync(
            $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.org",
            CohortScenario.Password
        );
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await App.WithDbAsync(async db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = S.CohortId,
                    UserId = user.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = acknowledged ? now : null,
                }
            );
            return await db.SaveChangesAsync();
        });
        S.Users[user.DisplayName] = user;
        return user;
    }

    /// <summary>Joins as a scenario role or an added participant's display name; the account signs in once per
    /// room.</summary>
    public async Task<LiveSessionClient> JoinAsync(string who)
    {
        var client = new LiveSessionClient(LiveClients.Connection(App, await CookieAsync(who)), SessionId);
        _clients.Add(client);
        var joined = await client.StartAsync();
        Assert.True(joined.Ok, $"{who} could not join: {joined.Error}");
        return client;
    }

    /// <summary>A client for <paramref name="who"/> that is connected but whose join answer the test inspects
    /// itself.</summary>
    public async Task<(LiveSessionClient Client, JoinResult Result)> TryJoinAsync(string who)
    {
        var client = new LiveSessionClient(LiveClients.Connection(App, await CookieAsync(who)), SessionId);
        _clients.Add(client);
        return (client, await client.StartAsync());
    }

    public async Task<string> CookieAsync(string who)
    {
        if (!_cookies.TryGetValue(who, out var cookie))
            _cookies[who] = cookie = await LiveClients.CookieAsync(App, S.Users[who].Email!, CohortScenario.Password);
        return cookie;
    }

    public Task<T> Db<T>(Func<KindlingDb, Task<T>> work) => App.WithDbAsync(work);

    public Task<long> SeqAsync() =>
        Db(db => db.LiveDocuments.Where(d => d.SessionId == SessionId).Select(d => d.Seq).SingleAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
            await c.DisposeAsync();
    }
}

public static class LiveAssert
{
    /// <summary>Waits until the client has applied every event up to <paramref name="seq"/>.</summary>
    public static Task UntilSeqAsync(this LiveSessionClient client, long seq) =>
        client.WaitForAsync(_ => client.LastSeq >= seq, Patience);

    /// <summary>How long to wait for a message before failing: generous, as the test machine may be busy; passing tests
    /// never wait this long.</summary>
    public const int Patience = 30;

    /// <summary>Everything a client received as events, as the JSON it was sent as.</summary>
    public static string Raw(IEnumerable<LiveEvent> events) =>
        string.Join("\n", events.Select(e => $"{e.Seq} {e.Type} {e.Data.GetRawText()}"));

    public static string Raw(Snapshot? snapshot) => System.Text.Json.JsonSerializer.Serialize(snapshot);

    /// <summary>The client applied each sequence number from <paramref name="from"/> to <paramref name="to"/> exactly
    /// once, in order.</summary>
    public static void Contiguous(LiveSessionClient client, long from, long to)
    {
        var seqs = client.AppliedEvents.Select(e => e.Seq).Where(s => s >= from && s <= to).ToList();
        Assert.Equal(Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i), seqs);
    }

    public static void Ok(Ack ack) => Assert.True(ack.Ok, ack.Error);

    public static void Fails(Ack ack, string because)
    {
        Assert.False(ack.Ok, $"expected a refusal mentioning \"{because}\"");
        Assert.Contains(because, ack.Error);
    }
}
