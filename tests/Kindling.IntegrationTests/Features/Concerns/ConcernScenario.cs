using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// A cohort with everyone a concern report can meet: the reporter and another participant, an observer, two
/// facilitators, a facilitator of another cohort, an instance admin outside the cohort, a safety contact outside the
/// cohort, and a visitor who is not signed in.
/// </summary>
public sealed class ConcernScenario
{
    public static readonly string[] Roles =
    [
        "reporter",
        "participant",
        "observer",
        "facilitator",
        "facilitator2",
        "other-facilitator",
        "admin",
        "safety",
        "visitor",
    ];

    public static readonly string[] Members = ["reporter", "participant", "observer", "facilitator", "facilitator2"];

    public required CohortScenario Cohort { get; init; }
    public required CohortScenario OtherCohort { get; init; }
    public required Dictionary<string, AppUser> Users { get; init; }
    public KindlingApp App => Cohort.App;
    public Guid CohortId => Cohort.CohortId;

    public static async Task<ConcernScenario> CreateAsync(KindlingApp app)
    {
        var cohort = await CohortScenario.CreateAsync(app);
        var other = await CohortScenario.CreateAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reporter = await app.CreateUserAsync($"rep-{tag}@example.org", CohortScenario.Password, "Europe/Paris");
        var facilitator2 = await app.CreateUserAsync($"fac2-{tag}@example.org", CohortScenario.Password);
        var safety = await app.CreateUserAsync(
            $"safe-{tag}@example.org",
            CohortScenario.Password,
            "UTC",
            InstanceRoles.SafetyContact
        );
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var c = await db.Cohorts.Include(x => x.Members).FirstAsync(x => x.Id == cohort.CohortId);
            c.AddMember(reporter.Id, CohortRole.Participant, now).AcknowledgedUtc = now;
            c.AddMember(facilitator2.Id, CohortRole.Facilitator, now).AcknowledgedUtc = now;
            return await db.SaveChangesAsync();
        });
        var users = new Dictionary<string, AppUser>
        {
            ["reporter"] = reporter,
            ["participant"] = cohort.Users["participant"],
            ["observer"] = cohort.Users["observer"],
            ["facilitator"] = cohort.Users["facilitator"],
            ["facilitator2"] = facilitator2,
            ["other-facilitator"] = other.Users["facilitator"],
            ["admin"] = cohort.Users["admin"],
            ["safety"] = safety,
        };
        return new ConcernScenario
        {
            Cohort = cohort,
            OtherCohort = other,
            Users = users,
        };
    }

    /// <summary>A client signed in as the role ("visitor": not signed in).</summary>
    public async Task<PageClient> ClientAsAsync(string role)
    {
        var client = App.Client();
        if (role != "visitor")
            await client.SignInAsync(Users[role].Email!, CohortScenario.Password);
        return client;
    }

    public string NewUrl => $"/cohorts/{CohortId}/concerns/new";

    /// <summary>The receipt links of the reports filed through <see cref="FileAsync"/>: Kindling keeps only their
    /// hashes.</summary>
    public Dictionary<Guid, string> Receipts { get; } = new();

    public sealed record Filed(Guid ReportId, string Token, string ReceiptUrl);

    /// <summary>Files a report through the form as a member and reads the receipt link from the page shown
    /// after.</summary>
    public async Task<Filed> FileAsync(
        PageClient client,
        string what = "Someone kept talking over me in the breakout.",
        bool anonymous = false,
        string audience = "facilitators",
        string? facilitatorId = null,
        Guid? sessionId = null,
        string? people = null
    )
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.What"] = what,
            ["Input.Identity"] = anonymous ? "anonymous" : "named",
            ["Input.Audience"] = audience,
            ["Input.FacilitatorId"] = facilitatorId ?? "",
            ["Input.SessionId"] = sessionId?.ToString() ?? "",
            ["Input.PeopleInvolved"] = people ?? "",
        };
        var posted = await client.PostFormAsync(NewUrl, fields);
        Assert.True(
            posted.Status == HttpStatusCode.Redirect,
            $"Filing answered {(int)posted.Status}: {string.Join(" | ", posted.Errors)}"
        );
        Assert.Equal($"/cohorts/{CohortId}/concerns/filed", posted.Location!.OriginalString);
        var filed = await client.GetAsync(posted.Location.OriginalString);
        var url = filed.Document.QuerySelector("input#receipt")?.GetAttribute("value");
        Assert.NotNull(url);
        var path = new Uri(url).AbsolutePath;
        var token = path["/concerns/receipt/".Length..];
        var reportId = await App.WithDbAsync(db =>
            db.ConcernReports.Where(r => r.CohortId == CohortId && r.What == what).Select(r => r.Id).SingleAsync()
        );
        Receipts[reportId] = path;
        return new Filed(reportId, token, path);
    }

    public Task<List<ConcernEvent>> EventsAsync(Guid reportId) =>
        App.WithDbAsync(db => db.ConcernEvents.Where(e => e.ReportId == reportId).OrderBy(e => e.Id).ToListAsync());

    public Task<ConcernReport> ReportAsync(Guid reportId) =>
        App.WithDbAsync(db => db.ConcernReports.AsNoTracking().SingleAsync(r => r.Id == reportId));
}
