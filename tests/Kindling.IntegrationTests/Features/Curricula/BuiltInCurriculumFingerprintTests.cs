using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Curricula.BuiltInLessonSyncTests;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// A start skips reading the built-in files when they are what the last sync saw, and still picks up a changed file.
/// To tell a skipped comparison from one that found nothing, the test makes the database disagree with the files
/// where only a comparison would notice: every lesson's stored file source.
/// </summary>
[Collection(AppCollection.Name)]
public class BuiltInCurriculumFingerprintTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_FilesUnchangedThenOneChanged_SkipsTheComparisonThenSyncsTheChange(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = "print-" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine(Path.GetTempPath(), $"kindling-{slug}");
        var dir = Path.Combine(root, slug);
        try
        {
            CopyShipped(dir, slug);
            await LoadAsync(app, root); // first start: imported, every lesson at version 1
            await app.WithDbAsync(db =>
                db.LessonVersions.Where(v =>
                        db.Lessons.Any(l =>
                            l.Id == v.LessonId && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug)
                        )
                    )
                    .ExecuteUpdateAsync(x => x.SetProperty(v => v.Source, "not what the file says"))
            );

            await LoadAsync(app, root); // same files: not compared, so no lesson gets a version
            Assert.Equal([1], await NumbersAsync(app, slug, "cop-basics"));
            Assert.Equal([1], await NumbersAsync(app, slug, "community-narrative"));

            var file = Path.Combine(dir, "02-cop-basics.md");
            var shipped = File.ReadAllText(file).Replace("title: Why invest in community?", "title: Why invest?");
            File.WriteAllText(file, shipped);
            await LoadAsync(app, root); // a changed file: everything is compared again
            await LoadAsync(app, root); // and skipped again with the new files

            Assert.Equal([1, 2], await NumbersAsync(app, slug, "cop-basics"));
            Assert.Equal([1, 2], await NumbersAsync(app, slug, "community-narrative"));
            var current = await app.WithDbAsync(db =>
                db.Lessons.SingleAsync(l =>
                    l.Slug == "cop-basics" && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug)
                )
            );
            Assert.Equal(shipped, current.Source);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<int>> NumbersAsync(KindlingApp app, string slug, string lesson) =>
        (await LessonVersionsTests.VersionsAsync(app, slug, lesson)).Select(v => v.Number).ToList();
}
