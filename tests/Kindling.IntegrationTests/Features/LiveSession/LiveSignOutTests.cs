using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// A live connection keeps the sign-in it was opened with. Signing out (on any device) or changing the password closes
/// the person's open rooms at once, and a connection made with the old sign-in (a copied cookie) is refused.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class LiveSignOutTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignOutAndPasswordChange_CloseTheOpenRoom_AndTheOldSignInIsRefused(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var section = fac.Snapshot!.Sections.First(x => !x.Silent).Id;
        var email = room.S.Users["participant"].Email!;

        // Signed in twice (laptop and phone): signing out on the phone closes the room open on the laptop.
        using (var phone = room.App.Client())
        {
            var laptop = await SignedInCookieAsync(room.App, email, CohortScenario.Password);
            await SignedInCookieAsync(room.App, email, CohortScenario.Password, phone);
            await using var open = await ConnectAsync(room, laptop);
            LiveAssert.Ok(await open.AddResponseAsync(section, "Before signing out"));
            var closed = ClosedAsync(open);
            Assert.Equal(
                HttpStatusCode.Redirect,
                (await phone.PostFormAsync("/account/signout", new Dictionary<string, string>())).Status
            );
            await closed.WaitAsync(TimeSpan.FromSeconds(LiveAssert.Patience));
            await RefusedAsync(room, laptop, section);
        }

        // Changing the password does the same to every other room of the person.
        const string fresh = "violet-harbour-kettle-93";
        using (var pages = room.App.Client())
        {
            var cookie = await SignedInCookieAsync(room.App, email, CohortScenario.Password, pages);
            await using var open = await ConnectAsync(room, cookie);
            var closed = ClosedAsync(open);
            var changed = await pages.PostFormAsync(
                "/account/password",
                new Dictionary<string, string>
                {
                    ["Current"] = CohortScenario.Password,
                    ["New"] = fresh,
                    ["Confirm"] = fresh,
                }
            );
            Assert.Equal(HttpStatusCode.Redirect, changed.Status);
            await closed.WaitAsync(TimeSpan.FromSeconds(LiveAssert.Patience));
            await RefusedAsync(room, cookie, section);
        }

        // Signed in again with the new password, the room works; nobody else was touched.
        await using var again = await ConnectAsync(room, await SignedInCookieAsync(room.App, email, fresh));
        LiveAssert.Ok(await again.AddResponseAsync(section, "Back with the new password"));
        LiveAssert.Ok(await fac.AddResponseAsync(section, "The facilitator was never disconnected"));
    }

    private static async Task<string> SignedInCookieAsync(
        KindlingApp app,
        string email,
        string password,
        PageClient? pages = null
    )
    {
        using var own = pages is null ? app.Client() : null;
        var page = await (pages ?? own!).SignInAsync(email, password);
        return page
            .SetCookies.Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("kindling.auth=", StringComparison.Ordinal));
    }

    /// <summary>A connection without automatic reconnection, so being closed by the server is plain to see.</summary>
    private static async Task<LiveSessionClient> ConnectAsync(LiveRoom room, string cookie)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(
                new Uri(room.App.Server.BaseAddress, "/hubs/session"),
                o =>
                {
                    o.HttpMessageHandlerFactory = _ => room.App.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    o.Headers["Cookie"] = cookie;
                }
            )
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .Build();
        var client = new LiveSessionClient(hub, room.SessionId);
        var joined = await client.StartAsync();
        Assert.True(joined.Ok, joined.Error);
        return client;
    }

    private static Task ClosedAsync(LiveSessionClient client)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <summary>
    /// The old sign-in (its cookie copied before it ended) opens a new connection: the cookie itself is only re-checked
    /// once a minute, so the hub must refuse it, joining and every call alike.
    /// </summary>
    private static async Task RefusedAsync(LiveRoom room, string cookie, Guid section)
    {
        await using var copy = new LiveSessionClient(LiveClients.Connection(room.App, cookie), room.SessionId);
        var joined = await copy.StartAsync();
        Assert.False(joined.Ok);
        Assert.Equal(SessionHub.SignedOut, joined.Error);
        LiveAssert.Fails(await copy.AddResponseAsync(section, "After signing out"), "signed out");
        Assert.Equal(SessionHub.SignedOut, (await copy.QuestionsAsync()).Error);
    }
}
