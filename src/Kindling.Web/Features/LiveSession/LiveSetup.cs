using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Options for live sessions. A Redis connection string turns on the SignalR backplane so several instances
/// serve one session.</summary>
public sealed class LiveOptions
{
    public string? RedisConnectionString { get; set; }

    /// <summary>
    /// After broadcasting, a session's send loop gathers further changes for this long and sends them as one message
    /// (0–1000 ms; 0 sends each batch as soon as the previous one is out). A change after a quiet spell goes out at
    /// once.
    /// </summary>
    public int BroadcastWindowMs { get; set; } = 20;

    /// <summary>
    /// Web origins besides the app's own (and <c>Kindling:PublicUrl</c>) whose pages may connect to the live hub, e.g.
    /// "https://kindling.example.org" behind a proxy that does not pass the original scheme and host on.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public static class LiveSetup
{
    public const string HubPath = "/hubs/session";

    public static void AddLiveSessions(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Live");
        var options = section.Get<LiveOptions>() ?? new LiveOptions();
        builder.Services.Configure<LiveOptions>(section);
        var signalr = builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            o.EnableDetailedErrors = false;
            o.AddFilter<UnstorableTextFilter>();
        });
        if (!string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            signalr.AddStackExchangeRedis(
                options.RedisConnectionString,
                o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("kindling")
            );
            var redis = options.RedisConnectionString;
            builder.Services.AddSingleton(sp => new PresenceMirror(
                redis,
                sp.GetRequiredService<ILogger<PresenceMirror>>()
            ));
            builder
                .Services.AddHealthChecks()
                .AddCheck<RedisHealthCheck>("redis", tags: [HealthSetup.Ready], timeout: TimeSpan.FromSeconds(3));
        }
        var s = builder.Services;
        s.AddSingleton<LiveWriteGate>(); // its lanes queue the commits of the whole app
        s.AddSingleton<LiveMetrics>();
        s.AddScoped<LiveStore>();
        s.AddScoped<ResponseCommands>();
        s.AddScoped<FacilitatorCommands>();
        s.AddScoped<TimerCommands>();
        s.AddScoped<OpenLiveDocument>();
        s.AddScoped<QuestionCommands>();
        s.AddScoped<BreakoutCommands>();
        s.TryAddKeyedSingleton<TimeProvider>(LiveBroadcaster.PacingKey, TimeProvider.System);
        s.AddSingleton<LiveBroadcaster>();
        s.AddSingleton<Presence>();
        s.AddScoped<LiveEviction>();
        s.AddScoped<ShareSlotUpdates>();
        s.AddScoped<ILiveRooms, LiveRooms>();
        s.AddHostedService<SilentTimerWatcher>();
        s.AddHostedService<RoomOpeningWatcher>();
        s.AddHostedService<StaleConnectionSweeper>();
        s.AddScoped<AttendanceTicker>();
        s.AddHostedService<AttendanceJob>();
    }

    public static void MapLiveSessions(this WebApplication app)
    {
        // Runs after authentication and before the hub's endpoints (negotiate and every transport).
        app.UseHubOriginCheck(HubPath);
        // Created now, so the live gauges (0 until someone joins) are there from the first scrape.
        app.Services.GetRequiredService<LiveMetrics>();
        app.MapHub<SessionHub>(HubPath);
        app.MapDocumentExport();
    }
}
