using Kindling.LiveClient;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>Typed live-session clients connected to the in-process test server, each signed in as a real
/// account.</summary>
public static class LiveClients
{
    /// <summary>Signs in through the sign-in page and returns the session cookie ("name=value").</summary>
    public static async Task<string> CookieAsync(KindlingApp app, string email, string password)
    {
        using var client = app.Client();
        var page = await client.SignInAsync(email, password);
        var cookie =
            page.SetCookies.Select(c => c.Split(';')[0])
                .FirstOrDefault(c => c.StartsWith("kindling.auth=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Signing in as {email} set no session cookie.");
        return cookie;
    }

    /// <summary>A hub connection (long polling through the test server) that is not started yet.</summary>
    public static HubConnection Connection(KindlingApp app, string cookie) =>
        new HubConnectionBuilder()
            .WithUrl(
                new Uri(app.Server.BaseAddress, "/hubs/session"),
                o =>
                {
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    o.Headers["Cookie"] = cookie;
                }
            )
            .WithAutomaticReconnect([
                TimeSpan.Zero,
                TimeSpan.FromMilliseconds(200),
                TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(2),
            ])
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .Build();

    /// <summary>Signs <paramref name="email"/> in, connects and joins the session; fails the test if joining is
    /// refused.</summary>
    public static async Task<LiveSessionClient> JoinAsync(
        KindlingApp app,
        string email,
        string password,
        Guid sessionId
    )
    {
        var client = new LiveSessionClient(Connection(app, await CookieAsync(app, email, password)), sessionId);
        var joined = await client.StartAsync();
        if (!joined.Ok)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"{email} could not join: {joined.Error}");
        }
        return client;
    }

    /// <summary>Joins as one of the scenario's people (facilitator, participant, observer, outsider, admin).</summary>
    public static Task<LiveSessionClient> JoinAsync(CohortScenario s, string role, Guid? sessionId = null) =>
        JoinAsync(s.App, s.Users[role].Email!, CohortScenario.Password, sessionId ?? s.SessionId);

    /// <summary>Waits until <paramref name="condition"/> holds for the client's applied events, or fails after
    /// <paramref name="seconds"/>.</summary>
    public static async Task WaitForAsync(
        this LiveSessionClient client,
        Func<IReadOnlyList<LiveEvent>, bool> condition,
        int seconds = 10
    )
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(client.AppliedEvents))
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Client did not see the expected events; last seq {client.LastSeq}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Arranges an opened document for the scenario's session (as a facilitator opening it early
    /// would).</summary>
    public static async Task OpenDocumentAsync(CohortScenario s, Guid? sessionId = null)
    {
        using var scope = s.App.Services.CreateScope();
        await scope
            .ServiceProvider.GetRequiredService<Kindling.Web.Features.LiveSession.OpenLiveDocument>()
            .OpenAsync(sessionId ?? s.SessionId);
    }
}
