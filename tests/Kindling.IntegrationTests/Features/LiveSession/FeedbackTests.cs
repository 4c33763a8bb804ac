using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The feedback page works as a plain form: post, redirect, get.</summary>
[Collection(SecondAppCollection.Name)]
public class FeedbackTests(Apps apps)
{
    private static string Url(CohortScenario s) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback";

    private static Dictionary<string, string> Form(
        string worked = "",
        string didNotWork = "",
        bool anonymous = false
    ) =>
        new()
        {
            ["Input.Worked"] = worked,
            ["Input.DidNotWork"] = didNotWork,
            ["Input.WouldChange"] = "",
            ["Input.Surprised"] = "",
            ["Input.Plus"] = "",
            ["Input.Delta"] = "",
            ["Input.Anonymous"] = anonymous ? "true" : "false",
        };

    private static Task<List<SessionFeedback>> StoredAsync(CohortScenario s) =>
        s.App.WithDbAsync(db => db.SessionFeedback.AsNoTracking().Where(f => f.SessionId == s.SessionId).ToListAsync());

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SubmitEditClose_ClosedRefusesWithMessageAndKeepsAnswers_ReopenAllowsEdit(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var par = await s.ClientAsAsync("participant");
        using var fac = await s.ClientAsAsync("facilitator");

        var sent = await par.PostFormAsync(Url(s), Form(worked: "The silent round gave me time to think."));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(Url(s), sent.Location!.OriginalString);
        var page = await par.GetAsync(Url(s));
        Assert.Contains("Thank you for your feedback.", page.Text);
        Assert.Equal(
            "The silent round gave me time to think.",
            page.Document.QuerySelector("textarea[name='Input.Worked']")!.TextContent.Trim()
        );

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await par.PostFormAsync(Url(s), Form(worked: "Silent round", didNotWork: "Too short"))).Status
        );
        var one = Assert.Single(await StoredAsync(s));
        Assert.Equal(("Silent round", "Too short"), (one.Worked, one.DidNotWork));

        // Only facilitators close feedback; closing before the document exists opens it.
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await par.PostFormAsync(Url(s), new Dictionary<string, string>(), Url(s) + "?handler=Close")).Status
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await fac.PostFormAsync(Url(s), new Dictionary<string, string>(), Url(s) + "?handler=Close")).Status
        );
        Assert.NotNull(
            await s.App.WithDbAsync(db =>
                db.LiveDocuments.Where(d => d.SessionId == s.SessionId).Select(d => d.FeedbackClosedUtc).SingleAsync()
            )
        );

        var closedPage = await par.GetAsync(Url(s));
        Assert.Contains("Feedback for this session is closed.", closedPage.Text);
        var refused = await par.PostFormAsync(Url(s), Form(worked: "Changed after closing"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(
            refused.Errors,
            e => e.Contains("Feedback for this session is closed, so it can no longer be changed.")
        );
        Assert.Equal("Silent round", Assert.Single(await StoredAsync(s)).Worked);

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await fac.PostFormAsync(Url(s), new Dictionary<string, string>(), Url(s) + "?handler=Reopen")).Status
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await par.PostFormAsync(Url(s), Form(worked: "Changed after reopening"))).Status
        );
        Assert.Equal("Changed after reopening", Assert.Single(await StoredAsync(s)).Worked);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorSeesAll_AnonymousWithoutName_PeersAndOutsidersSeeNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        using var par = await s.ClientAsAsync("participant");
        using var obs = await s.ClientAsAsync("observer");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await par.PostFormAsync(Url(s), Form(worked: "Anonymous praise for the breakouts", anonymous: true))
            ).Status
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await obs.PostFormAsync(Url(s), Form(didNotWork: "Observer found the audio choppy"))).Status
        );

        using var fac = await s.ClientAsAsync("facilitator");
        var all = await fac.GetAsync(Url(s));
        Assert.Contains("Anonymous praise for the breakouts", all.Text);
        Assert.Contains("Observer found the audio choppy", all.Text);
        Assert.Contains(s.Users["observer"].DisplayName, all.Text);
        Assert.DoesNotContain(s.Users["participant"].DisplayName, all.Text);
        Assert.Contains("Anonymous", all.Document.QuerySelector(".feedback-list")!.TextContent);

        await LiveArrange.SetPolicyAsync(s, facilitatorsSeeAnonymousAuthors: true);
        Assert.Contains(s.Users["participant"].DisplayName, (await fac.GetAsync(Url(s))).Text);

        using var other = s.App.Client();
        await other.SignInAsync(peer.Email!, CohortScenario.Password);
        var peerPage = await other.GetAsync(Url(s));
        Assert.Equal(HttpStatusCode.OK, peerPage.Status);
        Assert.DoesNotContain("Anonymous praise", peerPage.Text);
        Assert.DoesNotContain("audio choppy", peerPage.Text);
        Assert.Null(peerPage.Document.QuerySelector(".feedback-list"));

        using var outsider = await s.ClientAsAsync("outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url(s))).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await par.GetAsync($"/cohorts/{s.CohortId}/sessions/{Guid.NewGuid()}/feedback")).Status
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_ClearMessage_NothingStored(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var par = await s.ClientAsAsync("participant");
        var cases = new (Dictionary<string, string> Form, string Message)[]
        {
            (Form(), "Answer at least one question"),
            (Form(worked: "   \n  "), "Answer at least one question"),
            (new Dictionary<string, string>(), "Answer at least one question"),
            (Form(worked: new string('w', 4001)), "“What worked” can be at most 4,000 characters"),
            (
                new Dictionary<string, string>(Form(worked: "ok")) { ["Input.Delta"] = new string('d', 4001) },
                "“Delta” can be at most 4,000 characters"
            ),
            (
                new Dictionary<string, string>(Form(worked: "ok")) { ["Input.Anonymous"] = "banana" },
                "“Submit anonymously” is a tick box"
            ),
        };
        foreach (var (form, message) in cases)
        {
            var page = await par.PostFormAsync(Url(s), form);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(page.Errors, e => e.Contains(message));
        }
        var script = await par.PostFormAsync(Url(s), Form(worked: "<script>alert(1)</script>" + new string('x', 4000)));
        Assert.DoesNotContain("<script>alert(1)</script>", script.Text);
        var noToken = await par.Http.PostAsync(Url(s), new FormUrlEncodedContent(Form(worked: "Without a token")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Empty(await StoredAsync(s));

        // Exactly 4,000 characters is fine.
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await par.PostFormAsync(Url(s), Form(worked: new string('w', 4000)))).Status
        );
        Assert.Equal(4000, Assert.Single(await StoredAsync(s)).Worked.Length);
    }
}
