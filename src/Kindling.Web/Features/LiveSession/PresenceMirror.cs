using System.Text.Json;
using Kindling.LiveClient;
using StackExchange.Redis;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// With the Redis backplane, several instances serve one session and each knows only its own connections. Each instance
/// writes its list of who is here into one Redis hash per session (field = instance id) and keeps a short-lived
/// heartbeat key; the list sent to the session is the union over instances whose heartbeat is alive, so an instance
/// that stops drops out within <see cref="HeartbeatTtl"/>.
/// </summary>
public sealed class PresenceMirror : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatTtl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SessionTtl = TimeSpan.FromHours(12);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger<PresenceMirror> _log;

    public PresenceMirror(string connectionString, ILogger<PresenceMirror> log)
    {
        _log = log;
        var config = ConfigurationOptions.Parse(connectionString);
        // Keep trying instead of failing for good: Redis may start after Kindling, or restart under it.
        config.AbortOnConnectFail = false;
        _redis = new(() => ConnectionMultiplexer.ConnectAsync(config));
        _ = BeatAsync();
    }

    /// <summary>Whether this instance's connection to Redis is up now (false before it was first used).</summary>
    public bool IsConnected =>
        _redis is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } r && r.Value.Result.IsConnected;

    /// <summary>Redis's answer time; throws when Redis cannot be reached.</summary>
    public async Task<TimeSpan> PingAsync()
    {
        var redis = await _redis.Value;
        if (!redis.IsConnected)
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected to Redis.");
        return await redis.GetDatabase().PingAsync();
    }

    private static readonly RedisChannel EvictChannel = RedisChannel.Literal("kindling:presence-evict");

    /// <summary>Runs <paramref name="evict"/> on this instance whenever any instance asks to close a person's
    /// connections (sessions null: all of them).</summary>
    public void OnEviction(Func<string, IReadOnlyCollection<Guid>?, int> evict) => _ = SubscribeAsync(evict);

    private async Task SubscribeAsync(Func<string, IReadOnlyCollection<Guid>?, int> evict)
    {
        try
        {
            var redis = await _redis.Value;
            await redis
                .GetSubscriber()
                .SubscribeAsync(
                    EvictChannel,
                    (_, message) =>
                    {
                        var request = JsonSerializer.Deserialize<Eviction>(message.ToString());
                        if (request is not null)
                            evict(request.UserId, request.SessionIds);
                    }
                );
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _log.LogError(e, "Could not subscribe to presence evictions in Redis.");
        }
    }

    /// <summary>Asks every instance (this one included) to close a person's connections to the given sessions, or all
    /// of them (null).</summary>
    public async Task PublishEvictionAsync(string userId, IReadOnlyCollection<Guid>? sessionIds) =>
        await (await _redis.Value)
            .GetSubscriber()
            .PublishAsync(EvictChannel, JsonSerializer.Serialize(new Eviction(userId, sessionIds?.ToArray())));

    private sealed record Eviction(string UserId, Guid[]? SessionIds);

    private static RedisKey SessionKey(Guid sessionId) => $"kindling:presence:{sessionId:N}";

    private static RedisKey HeartbeatKey(string instance) => $"kindling:presence-instance:{instance}";

    /// <summary>Stores this instance's list for the session and returns everyone present across live
    /// instances.</summary>
    public async Task<IReadOnlyList<PresentMember>> SyncAsync(Guid sessionId, IReadOnlyList<PresentMember> local)
    {
        var db = (await _redis.Value).GetDatabase();
        var key = SessionKey(sessionId);
        await db.StringSetAsync(HeartbeatKey(_instance), "1", HeartbeatTtl);
        if (local.Count == 0)
            await db.HashDeleteAsync(key, _instance);
        else
            await db.HashSetAsync(key, _instance, JsonSerializer.Serialize(local));
        await db.KeyExpireAsync(key, SessionTtl);
        return await MembersAsync(db, sessionId);
    }

    /// <summary>Everyone present in the session across live instances.</summary>
    public async Task<IReadOnlyList<PresentMember>> MembersAsync(Guid sessionId) =>
        await MembersAsync((await _redis.Value).GetDatabase(), sessionId);

    private static async Task<IReadOnlyList<PresentMember>> MembersAsync(IDatabase db, Guid sessionId)
    {
        var entries = await db.HashGetAllAsync(SessionKey(sessionId));
        var all = new List<PresentMember>();
        foreach (var entry in entries)
        {
            if (!await db.KeyExistsAsync(HeartbeatKey(entry.Name!)))
                continue; // that instance has stopped
            all.AddRange(JsonSerializer.Deserialize<List<PresentMember>>(entry.Value.ToString()) ?? []);
        }
        return all.DistinctBy(m => m.UserId).OrderBy(m => m.Name).ToList();
    }

    private async Task BeatAsync()
    {
        using var timer = new PeriodicTimer(HeartbeatTtl / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await (await _redis.Value).GetDatabase().StringSetAsync(HeartbeatKey(_instance), "1", HeartbeatTtl);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    _log.LogWarning(e, "Presence heartbeat to Redis failed; will retry.");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (!_redis.IsValueCreated)
            return;
        try
        {
            var redis = await _redis.Value;
            await redis.GetDatabase().KeyDeleteAsync(HeartbeatKey(_instance));
            await redis.DisposeAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _log.LogInformation(e, "Could not remove this instance's presence heartbeat.");
        }
    }
}
