using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using T = Kindling.IntegrationTests.Features.PersonalData.PersonalTraces;

namespace Kindling.IntegrationTests.Features.PersonalData;

/// <summary>Deleting an account: words others rely on stay, by "a former member"; nothing else of the person
/// does.</summary>
[Collection(AppCollection.Name)]
public class AccountDeletionTests(Apps apps)
{
    private const string Page = "/account/data";

    private static Task<PageClient.Page> DeleteAsync(PageClient client, string password, bool confirm = true) =>
        client.PostFormAsync(
            Page,
            new Dictionary<string, string> { ["Password"] = password, ["Confirm"] = confirm ? "true" : "false" },
            Page + "?handler=Delete"
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delete_KeepsTheirWordsAsAFormerMember_AndRemovesEverythingElseOfTheirs(string provider)
    {
        var t = await T.CreateAsync(await apps.GetAsync(provider));
        var id = t.Me.Id;
        var name = t.Me.DisplayName;
        using var client = await t.S.ClientAsAsync("reporter");
        await client.PostFormAsync(
            "/account/calendar",
            new Dictionary<string, string>(),
            "/account/calendar?handler=Start"
        );

        var deleted = await DeleteAsync(client, CohortScenario.Password);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/account/deleted", deleted.Location!.OriginalString);
        var confirmation = await client.GetAsync("/account/deleted");
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("Your account is deleted", confirmation.Text);
        // Signed out, and the password no longer opens anything.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).Status);
        using var again = t.S.App.Client();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            again.SignInAsync(t.Me.Email!, CohortScenario.Password)
        );

        // The session document keeps their words, by "a former member", in the export and in the room.
        using var facilitator = await t.S.ClientAsAsync("facilitator");
        var md = await facilitator.Http.GetStringAsync(t.DocumentUrl);
        Assert.Contains($"- **{FormerMember.Name}:** {T.Named}", md);
        Assert.Contains(T.Anonymous, md);
        Assert.Contains($"{T.Question} (0 votes, asked by {FormerMember.Name})", md);
        Assert.Contains($"{T.OthersQuestion} (0 votes", md); // their vote went with them
        Assert.DoesNotContain(name, md);
        var room = await facilitator.GetAsync($"/cohorts/{t.CohortId}/sessions/{t.SessionId}/live");
        Assert.Contains(
            room.Document.QuerySelectorAll("p.who"),
            p => p.TextContent.Trim().StartsWith(FormerMember.Name, StringComparison.Ordinal)
        );
        Assert.DoesNotContain(name, room.Text);

        // The named report stays with its readers, from "a former member"; its trail no longer names them.
        var report = await facilitator.GetAsync($"/concerns/{t.NamedReport}");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains(T.NamedConcern, report.Text);
        Assert.Contains(FormerMember.Name, report.Text);
        Assert.DoesNotContain(name, report.Text);

        var left = await t.DbAsync(async db => new
        {
            User = await db.Users.AnyAsync(u => u.Id == id),
            Responses = await db.LiveResponses.CountAsync(r => r.AuthorId == id),
            Questions = await db.LiveQuestions.CountAsync(q => q.AuthorId == id),
            Memberships = await db.CohortMembers.CountAsync(m => m.UserId == id),
            Feedback = await db.SessionFeedback.CountAsync(f => f.AuthorId == id),
            Votes = await db.LiveQuestionVotes.CountAsync(v => v.UserId == id),
            Tokens = await db.ApiTokens.CountAsync(x => x.UserId == id),
            Preferences = await db.NotificationPreferences.CountAsync(p => p.UserId == id),
            Notifications = await db.Notifications.CountAsync(n => n.UserId == id),
            Projects = await db.Projects.CountAsync(p => p.Name == T.ProjectName && p.CohortId == t.CohortId),
            ProjectMembers = await db.ProjectMembers.CountAsync(m => m.UserId == id),
            Reported = await db.ConcernReports.CountAsync(r => r.ReporterId == id),
            NamedReport = await db.ConcernReports.Where(r => r.Id == t.NamedReport).Select(r => r.What).SingleAsync(),
            TrailActors = await db.ConcernEvents.CountAsync(e => e.ActorId == id || e.ActorName == name),
            LogMentions = await db.LiveEvents.CountAsync(e =>
                e.SessionId == t.SessionId && (e.Payload.Contains(name) || e.ActorId == id)
            ),
            Mail = await db.Outbox.CountAsync(o => o.UserId == id || o.ToAddress == t.Me.Email),
            Roles = await db.UserRoles.CountAsync(r => r.UserId == id),
        });
        Assert.False(left.User);
        Assert.Equal((2, 1), (left.Responses, left.Questions));
        Assert.Equal(T.NamedConcern, left.NamedReport);
        Assert.Equal(
            new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
            new[]
            {
                left.Memberships,
                left.Feedback,
                left.Votes,
                left.Tokens,
                left.Preferences,
                left.Notifications,
                left.Projects,
                left.ProjectMembers,
                left.Reported,
                left.TrailActors,
                left.LogMentions,
                left.Mail,
                left.Roles,
            }
        );
        // The others' words and feedback are untouched.
        Assert.Contains(T.OthersAnswer, md);
        Assert.Equal(1, await t.DbAsync(db => db.SessionFeedback.CountAsync(f => f.SessionId == t.SessionId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delete_AsTheOnlyFacilitatorOfACohortWithMembers_IsRefusedNamingTheCohort(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var cohort = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Name).SingleAsync()
        );
        using var client = await s.ClientAsAsync("facilitator");
        var page = await client.GetAsync(Page);
        Assert.Contains($"Make someone else a facilitator of “{cohort}” first", page.Document.Body!.TextContent);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Delete']"));

        var refused = await DeleteAsync(client, CohortScenario.Password);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains($"Make someone else a facilitator of “{cohort}” first"));
        var id = s.Users["facilitator"].Id;
        Assert.True(await s.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id)));
        Assert.Equal(3, await s.App.WithDbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delete_WithAWrongPasswordOrUnconfirmed_IsRefusedAndChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var id = s.Users["participant"].Id;
        using var client = await s.ClientAsAsync("participant");

        var wrong = await DeleteAsync(client, "not-my-password-at-all");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(wrong.Errors, e => e.Contains("That password is not right; nothing was deleted."));
        var unconfirmed = await DeleteAsync(client, CohortScenario.Password, confirm: false);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.Status);
        Assert.Contains(unconfirmed.Errors, e => e.Contains("Tick the box to confirm"));

        Assert.True(await s.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id)));
        Assert.Equal(1, await s.App.WithDbAsync(db => db.CohortMembers.CountAsync(m => m.UserId == id)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).Status); // still signed in
    }
}
