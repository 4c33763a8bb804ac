using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Dashboard;

/// <summary>The dashboard names the next session's lesson as it stands now: an edit to the lesson shows at once
/// (the page keeps parsed lessons, found by their edit time).</summary>
[Collection(AppCollection.Name)]
public class NextSessionLessonTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NextSession_ShowsTheLessonsCurrentTitle_AfterAnEdit(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        async Task<string> Next() =>
            (await participant.GetAsync("/")).Document.QuerySelector("#next-h + *")?.TextContent ?? "";
        var lessonId = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync()
        );
        var before = await s.App.WithDbAsync(db => db.Lessons.SingleAsync(l => l.Id == lessonId));
        Assert.Contains(before.Title, await Next(), StringComparison.Ordinal);

        await s.App.WithDbAsync(async db =>
        {
            var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
            lesson.Source = lesson.Source.Replace($"title: {lesson.Title}", "title: Stories that hold us together");
            lesson.Title = "Stories that hold us together";
            lesson.UpdatedUtc = lesson.UpdatedUtc.AddSeconds(1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Stories that hold us together", await Next(), StringComparison.Ordinal);
    }
}
