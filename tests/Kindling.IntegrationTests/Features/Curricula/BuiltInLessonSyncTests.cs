using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Curricula;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// Changes to the shipped lesson files reach a database as new versions on start, once, and only when a file changed;
/// browser edits stay as older versions. The shipped folder is copied under another slug so the shared app's
/// curriculum stays as it is.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class BuiltInLessonSyncTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_ShippedLessonChanged_AddsOneBuiltInVersionAndNoneWhenNothingChanged(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = "sync-" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine(Path.GetTempPath(), $"kindling-{slug}");
        var dir = Path.Combine(root, slug);
        try
        {
            CopyShipped(dir, slug);
            await LoadAsync(app, root); // first start: imported, every lesson at version 1
            using (var scope = app.Services.CreateScope())
            {
                var lesson = await LessonAsync(
                    scope.ServiceProvider.GetRequiredService<KindlingDb>(),
                    slug,
                    "cop-basics"
                );
                var edited = lesson.Source.Replace("title: Community of Practice Basics", "title: Edited online");
                var error = await scope
                    .ServiceProvider.GetRequiredService<CurriculumStore>()
                    .UpdateLessonAsync(lesson, edited, new LessonChange(VersionOrigins.Edit, null));
                Assert.Null(error);
            }

            await LoadAsync(app, root); // files unchanged: nothing happens, the browser edit stays current
            Assert.Equal(
                [(1, "built-in"), (2, "edit")],
                (await VersionsAsync(app, slug, "cop-basics")).Select(v => (v.Number, v.Origin))
            );

            var file = Path.Combine(dir, "02-cop-basics.md");
            var shipped = File.ReadAllText(file).Replace("title: Why invest in community?", "title: Why invest?");
            File.WriteAllText(file, shipped);
            File.WriteAllText(
                Path.Combine(dir, "09-new-lesson.md"),
                File.ReadAllText(Path.Combine(dir, "08-conflict-management.md"))
                    .Replace("slug: conflict-management", "slug: new-lesson")
                    .Replace("order: 8", "order: 9")
                    // the worksheet template belongs to lesson 8 alone
                    .Replace("  template: response-process\n", "")
            );
            await LoadAsync(app, root); // files changed
            await LoadAsync(app, root); // and a second start with the same files

            var versions = await VersionsAsync(app, slug, "cop-basics");
            Assert.Equal([(1, "built-in"), (2, "edit"), (3, "built-in")], versions.Select(v => (v.Number, v.Origin)));
            Assert.Equal(BuiltInCurriculumLoader.SyncNote, versions[2].Note);
            var current = await app.WithDbAsync(db => LessonAsync(db, slug, "cop-basics"));
            var added = await VersionsAsync(app, slug, "new-lesson");
            var others = await VersionsAsync(app, slug, "community-narrative");
            Assert.Equal((shipped, "Community of Practice Basics"), (current.Source, current.Title));
            Assert.Equal([(1, "built-in")], added.Select(v => (v.Number, v.Origin)));
            Assert.Single(others);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Backfill_RowsFromBeforeVersions_GetVersionOneAPinAndTheirSessionsTheirVersion(string provider)
    {
        var app = await apps.GetAsync(provider);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (lessonId, sessionId) = await app.WithDbAsync(async db =>
        {
            var curriculum = new Curriculum { Slug = "old-" + Guid.NewGuid().ToString("N")[..8], Title = "Old" };
            var lesson = new Lesson
            {
                CurriculumId = curriculum.Id,
                Slug = "first-steps",
                Order = 1,
                Title = "First steps",
                FileName = "one.md",
                Source = CurriculumZip.Lesson("first-steps", 1, "First steps"),
                UpdatedUtc = now.AddDays(-30),
            };
            var cohort = new Cohort
            {
                Name = "Old cohort",
                CurriculumId = curriculum.Id,
                CalendarToken = Guid.NewGuid().ToString("N"),
                CreatedUtc = now,
                CreatedById = (await app.CreateUserAsync($"old-{Guid.NewGuid():N}@example.org", "x")).Id,
            };
            var session = new Session
            {
                CohortId = cohort.Id,
                LessonId = lesson.Id,
                StartsUtc = now,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.AddRange(curriculum, lesson, cohort, session);
            await db.SaveChangesAsync();
            return (lesson.Id, session.Id);
        });

        await BackfillAsync(app);
        await BackfillAsync(app); // idempotent: a second start adds nothing

        var (versions, pins, session) = await app.WithDbAsync(async db =>
            (
                await db.LessonVersions.Where(v => v.LessonId == lessonId).ToListAsync(),
                await db.CohortLessonPins.Where(p => p.LessonId == lessonId).ToListAsync(),
                await db.Sessions.SingleAsync(s => s.Id == sessionId)
            )
        );
        var v1 = Assert.Single(versions);
        Assert.Equal((1, "import", LessonVersionBackfill.Note), (v1.Number, v1.Origin, v1.Note));
        Assert.Equal(v1.Id, Assert.Single(pins).LessonVersionId);
        Assert.Equal(v1.Id, session.LessonVersionId);
    }

    private static async Task BackfillAsync(KindlingApp app)
    {
        using var scope = app.Services.CreateScope();
        var tasks = scope.ServiceProvider.GetServices<Kindling.Web.Infrastructure.IStartupTask>();
        await tasks.OfType<LessonVersionBackfill>().Single().RunAsync();
    }

    internal static void CopyShipped(string dir, string slug)
    {
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Curriculum, "foundations")))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var manifest = Path.Combine(dir, "curriculum.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("slug: foundations", $"slug: {slug}"));
    }

    internal static async Task LoadAsync(KindlingApp app, string root)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BuiltInCurriculumLoader>().LoadAsync(root);
    }

    private static Task<Lesson> LessonAsync(KindlingDb db, string slug, string lesson) =>
        db.Lessons.SingleAsync(l =>
            l.Slug == lesson && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug)
        );

    private static Task<List<LessonVersion>> VersionsAsync(KindlingApp app, string slug, string lesson) =>
        LessonVersionsTests.VersionsAsync(app, slug, lesson);
}
