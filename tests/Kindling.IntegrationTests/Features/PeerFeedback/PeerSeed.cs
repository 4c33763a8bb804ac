using Kindling.Domain;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.PeerFeedback;

/// <summary>Participants with projects and worksheets of one of the curriculum's assignments, shared or not.</summary>
internal static class PeerSeed
{
    /// <summary>An assignment template of the built-in curriculum.</summary>
    public const string Template = "cop-basics";

    public static async Task<AppUser> AddParticipantAsync(CohortScenario s, string name, bool across = false)
    {
        var user = await s.App.CreateUserAsync($"{name}-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = s.CohortId,
                    UserId = user.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                    PeerFeedbackAcrossCohorts = across,
                }
            );
            return db.SaveChangesAsync();
        });
        return user;
    }

    public static Task<int> OptInAsync(CohortScenario s, AppUser user, bool across = true) =>
        s.App.WithDbAsync(db =>
            db.CohortMembers.Where(m => m.CohortId == s.CohortId && m.UserId == user.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(m => m.PeerFeedbackAcrossCohorts, across))
        );

    /// <summary>A project owned by <paramref name="owner"/> with one worksheet of <see cref="Template"/>.</summary>
    public static async Task<Guid> WorksheetAsync(CohortScenario s, AppUser owner, bool shared = true)
    {
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        return await s.App.WithDbAsync(async db =>
        {
            var project = new Project
            {
                CohortId = s.CohortId,
                Name = $"Project of {owner.DisplayName[..Math.Min(12, owner.DisplayName.Length)]}",
                CreatedUtc = now,
                CreatedById = owner.Id,
            };
            project.AddMember(owner.Id, ProjectRole.Owner, now);
            var (worksheet, first) = MakeCopy.Create(project, ProjectSeed.Template, owner.Id, now, ProjectContext.None);
            worksheet.TemplateSlug = Template;
            worksheet.SharedUtc = shared ? now : null;
            db.Projects.Add(project);
            db.Worksheets.Add(worksheet);
            db.WorksheetVersions.Add(first);
            await db.SaveChangesAsync();
            return worksheet.Id;
        });
    }

    public static async Task<PageClient> ClientAsync(KindlingApp app, AppUser user)
    {
        var client = app.Client();
        await client.SignInAsync(user.Email!, CohortScenario.Password);
        return client;
    }

    public static string NewUrl(CohortScenario s, bool across = false) =>
        $"/cohorts/{s.CohortId}/peer-feedback/new?template={Template}" + (across ? "&across=true" : "");

    /// <summary>Posts the "arrange a round" form as the scenario's facilitator would.</summary>
    public static Task<PageClient.Page> ArrangeAsync(
        PageClient facilitator,
        CohortScenario s,
        string mode,
        bool across = false,
        int groupSize = 2,
        string? template = Template,
        DateTime? dueLocal = null,
        params (string ReviewerId, Guid WorksheetId)[] pairs
    )
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Template"] = template ?? "",
            ["Input.Across"] = across ? "true" : "false",
            ["Input.Mode"] = mode,
            ["Input.GroupSize"] = groupSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.BalanceField"] = "organisation",
        };
        if (dueLocal is { } due)
        {
            form["Input.DueDate"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            form["Input.DueTime"] = due.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        for (var i = 0; i < pairs.Length; i++)
        {
            form[$"Input.Pairs[{i}].ReviewerId"] = pairs[i].ReviewerId;
            form[$"Input.Pairs[{i}].WorksheetId"] = pairs[i].WorksheetId.ToString();
        }
        var url = $"/cohorts/{s.CohortId}/peer-feedback/new";
        return facilitator.PostFormAsync(NewUrl(s, across), form, url);
    }

    public static Task<List<PeerReview>> ReviewsAsync(KindlingApp app, Guid roundId) =>
        app.WithDbAsync(db => db.PeerReviews.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync());

    public static Guid RoundIdOf(PageClient.Page redirect) =>
        Guid.Parse(redirect.Location!.OriginalString.Split('/').Last());
}
