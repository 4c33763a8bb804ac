using Kindling.Domain;
using Kindling.IntegrationTests.Features.Concerns;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.PersonalData;

/// <summary>
/// A member ("reporter" of a <see cref="ConcernScenario"/>) who has left traces everywhere: live answers (one
/// anonymous), a question, a vote, session feedback, a named and an anonymous concern report, a project of their own,
/// an e-mail choice and an API token; and the cohort's other people, who wrote their own.
/// </summary>
public sealed record PersonalTraces(ConcernScenario S, AppUser Me, Guid NamedReport, Guid AnonymousReport)
{
    public const string Named = "My named answer: our garden club started with six people.";
    public const string Anonymous = "My anonymous answer: I was afraid nobody would come.";
    public const string Question = "My question: how do we keep volunteers?";
    public const string Feedback = "My feedback: the silent round helped me think.";
    public const string NamedConcern = "My named concern: the breakout ran over time every week.";
    public const string AnonymousConcern = "My anonymous concern: a joke in session two hurt.";
    public const string OthersAnswer = "The facilitator's answer: libraries make good hosts.";
    public const string OthersQuestion = "The facilitator's question: who has run an event?";
    public const string OthersFeedback = "Another participant's feedback: more breaks please.";
    public const string TokenName = "Laptop script";
    public const string ProjectName = "My garden club";

    /// <summary>The token's stored hash (unique per test: the index is).</summary>
    public string TokenHash =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Me.Id.Select(c => (byte)c).ToArray()));

    public Guid CohortId => S.CohortId;
    public Guid SessionId => S.Cohort.SessionId;
    public string DocumentUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/document.md";

    public static async Task<PersonalTraces> CreateAsync(KindlingApp app)
    {
        var s = await ConcernScenario.CreateAsync(app);
        var me = s.Users["reporter"];
        await LiveClients.OpenDocumentAsync(s.Cohort);
        await using (
            var mine = await LiveClients.JoinAsync(app, me.Email!, CohortScenario.Password, s.Cohort.SessionId)
        )
        await using (var fac = await LiveClients.JoinAsync(s.Cohort, "facilitator"))
        {
            var open = mine.Snapshot!.Sections.First(x => x.Kind == "open-discussion");
            Assert.True((await mine.AddResponseAsync(open.Id, Named)).Ok);
            Assert.True((await mine.AddResponseAsync(open.Id, Anonymous, anonymous: true)).Ok);
            Assert.True((await fac.AddResponseAsync(open.Id, OthersAnswer)).Ok);
            Assert.True((await mine.AskAsync(Question)).Ok);
            var theirs = await fac.AskAsync(OthersQuestion);
            Assert.True((await mine.VoteAsync(theirs.Id!.Value)).Ok);
        }
        using (var client = await s.ClientAsAsync("reporter"))
        {
            await GiveFeedbackAsync(client, s, Feedback);
            var named = await s.FileAsync(client, NamedConcern);
            var anonymous = await s.FileAsync(client, AnonymousConcern, anonymous: true);
            using var other = await s.ClientAsAsync("participant");
            await GiveFeedbackAsync(other, s, OthersFeedback);
            var traces = new PersonalTraces(s, me, named.ReportId, anonymous.ReportId);
            await ArrangeRowsAsync(app, traces);
            return traces;
        }
    }

    private static async Task GiveFeedbackAsync(PageClient client, ConcernScenario s, string worked)
    {
        var url = $"/cohorts/{s.CohortId}/sessions/{s.Cohort.SessionId}/feedback";
        var sent = await client.PostFormAsync(
            url,
            new Dictionary<string, string>
            {
                ["Input.Worked"] = worked,
                ["Input.DidNotWork"] = "",
                ["Input.WouldChange"] = "",
                ["Input.Surprised"] = "",
                ["Input.Plus"] = "",
                ["Input.Delta"] = "",
                ["Input.Anonymous"] = "false",
            }
        );
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.Status);
    }

    /// <summary>Rows no page of this test's concern makes quickly: a token, an e-mail choice, a project.</summary>
    private static Task<int> ArrangeRowsAsync(KindlingApp app, PersonalTraces t) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.ApiTokens.Add(
                new ApiToken
                {
                    UserId = t.Me.Id,
                    Name = TokenName,
                    SecretHash = t.TokenHash,
                    Hint = "kdl_abcd",
                    CreatedUtc = now,
                }
            );
            db.NotificationPreferences.Add(
                new NotificationPreference
                {
                    UserId = t.Me.Id,
                    Kind = MessageKind.SessionReminder,
                    Delivery = EmailDelivery.DailyDigest,
                }
            );
            var project = new Project
            {
                CohortId = t.CohortId,
                Name = ProjectName,
                CreatedUtc = now,
                CreatedById = t.Me.Id,
            };
            project.AddMember(t.Me.Id, ProjectRole.Owner, now);
            db.Projects.Add(project);
            return await db.SaveChangesAsync();
        });

    public Task<T> DbAsync<T>(Func<Kindling.Data.KindlingDb, Task<T>> work) => S.App.WithDbAsync(work);
}
