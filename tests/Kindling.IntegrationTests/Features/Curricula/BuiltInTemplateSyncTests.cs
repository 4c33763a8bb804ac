using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Curricula;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// A built-in template edited in the browser stays as edited on every start until its shipped file changes; then the
/// file wins and the edit marks are cleared. The shipped folder is copied under another slug so the shared app's
/// curriculum stays as it is.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class BuiltInTemplateSyncTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_BrowserEditedTemplate_StaysUntilItsFileChanges(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = "tsync-" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine(Path.GetTempPath(), $"kindling-{slug}");
        var dir = Path.Combine(root, slug);
        var editor = await app.CreateUserAsync($"{slug}@example.org", CohortScenario.Password);
        try
        {
            BuiltInLessonSyncTests.CopyShipped(dir, slug);
            await BuiltInLessonSyncTests.LoadAsync(app, root); // first start: imported from the files
            var file = Path.Combine(dir, "02-cop-basics.template.yml");
            var shipped = File.ReadAllText(file);
            var edited = Regex.Replace(shipped, "^title: .*$", "title: Edited in the browser", RegexOptions.Multiline);
            using (var scope = app.Services.CreateScope())
            {
                var row = await RowAsync(app, slug);
                var outcome = await scope
                    .ServiceProvider.GetRequiredService<TemplateEdits>()
                    .SaveAsync(row, edited, row.UpdatedUtc.Ticks, editor.Id);
                Assert.IsType<TemplateEdits.Saved>(outcome);
            }
            var afterEdit = await RowAsync(app, slug);

            await BuiltInLessonSyncTests.LoadAsync(app, root); // files unchanged: the edit stays

            var kept = await RowAsync(app, slug);
            Assert.Equal(
                (edited, "Edited in the browser", shipped, editor.Id, afterEdit.EditedUtc, afterEdit.UpdatedUtc),
                (kept.Source, kept.Title, kept.FileSource, kept.EditedById, kept.EditedUtc, kept.UpdatedUtc)
            );

            var changed = shipped + "# A line added to the shipped file.\n";
            File.WriteAllText(file, changed);
            await BuiltInLessonSyncTests.LoadAsync(app, root); // the file changed: it wins

            var replaced = await RowAsync(app, slug);
            Assert.Equal(
                (changed, changed, (string?)null, (DateTime?)null),
                (replaced.Source, replaced.FileSource, replaced.EditedById, replaced.EditedUtc)
            );
            Assert.NotEqual("Edited in the browser", replaced.Title);
            Assert.NotEqual(kept.UpdatedUtc, replaced.UpdatedUtc); // so the parsed-template cache sees it
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<AssignmentTemplate> RowAsync(KindlingApp app, string slug) =>
        app.WithDbAsync(db =>
            db.AssignmentTemplates.AsNoTracking()
                .SingleAsync(t =>
                    t.Slug == "cop-basics" && db.Curricula.Any(c => c.Id == t.CurriculumId && c.Slug == slug)
                )
        );
}
