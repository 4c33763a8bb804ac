using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Worksheets.WorksheetEditorScenario;

namespace Kindling.IntegrationTests.Features.Dashboard;

/// <summary>The dashboard's "What is due" follows the latest lesson's assignment through copy, fill-in and
/// sharing.</summary>
[Collection(AppCollection.Name)]
public class AssignmentStatusTests(Apps apps)
{
    private const string Due = "Assignment: Community background";
    private const string InProgress = "Assignment in progress: Community background";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Assignment_DueUntilFilled_InProgressUntilShared_ThenGone(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(async db =>
        {
            var curriculum = await db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CurriculumId).SingleAsync();
            var lesson = await db.Lessons.SingleAsync(l =>
                l.Slug == "community-narrative" && l.CurriculumId == curriculum
            );
            db.Sessions.Add(
                new Session
                {
                    CohortId = s.CohortId,
                    LessonId = lesson.Id,
                    StartsUtc = now.AddDays(-2),
                    CreatedUtc = now,
                    UpdatedUtc = now,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var owner = await s.ClientAsAsync("participant");
        async Task<string> DueList() =>
            (await owner.GetAsync("/")).Document.QuerySelector("#due-h + ul")?.TextContent ?? "";
        Assert.Contains(Due, await DueList());

        var copied = await owner.PostFormAsync(
            seed.ProjectUrl,
            new Dictionary<string, string> { ["template"] = "community-background" },
            seed.ProjectUrl + "?handler=Copy"
        );
        Assert.Equal(HttpStatusCode.Redirect, copied.Status);
        var worksheetUrl = copied.Location!.ToString();
        Assert.Contains(Due, await DueList()); // a blank copy is not the work done

        var page = await owner.GetAsync(worksheetUrl);
        var form = FormOf(page);
        Set(form, "f.origin-story", "Three neighbours started swapping seeds at the library in 2019.");
        Set(form, "op", "save");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, worksheetUrl, form, TokenOf(page))).Status);
        var filled = await DueList();
        Assert.Contains(InProgress, filled);
        Assert.Contains("Filled in, not shared yet", filled);
        Assert.DoesNotContain(Due, filled);

        await owner.PostFormAsync(
            worksheetUrl + "/sharing",
            new Dictionary<string, string> { ["share"] = "true" },
            worksheetUrl + "/sharing?handler=Share"
        );
        var shared = await DueList();
        Assert.DoesNotContain("Community background", shared);

        // The assignment is the owner's done work, not everyone's: another participant still has it due.
        using var peer = await seed.PeerClientAsync();
        Assert.Contains(Due, (await peer.GetAsync("/")).Document.QuerySelector("#due-h + ul")?.TextContent ?? "");
    }
}
