using Kindling.Data;
using Kindling.Domain;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// Publishing stores a compiled copy: the public page shows only that copy, never the live worksheets. The address is
/// chosen once and kept on unpublish, so publishing again brings the same link back to life.
/// </summary>
public sealed class PublishCharter(KindlingDb db, CompileCharter compile, ICohortEvents events, TimeProvider clock)
{
    public async Task<string> PublishAsync(Project project)
    {
        var charter = await compile.RunAsync(project);
        project.CharterSlug ??= await CharterSlugs.NewUniqueAsync(db, project.Name);
        project.PublishedCharterJson = charter.ToJson();
        var again = project.CharterPublishedUtc is not null;
        project.CharterPublishedUtc = clock.GetUtcNow().UtcDateTime;
        // The public address only: the cohort's webhooks hear of it in the same save.
        var data = new
        {
            project = new { id = project.Id, name = project.Name },
            charter = new
            {
                url = events.Link($"/charters/{project.CharterSlug}"),
                publishedUtc = project.CharterPublishedUtc,
                republished = again,
            },
        };
        await events.AddAsync(db, project.CohortId, CohortEventNames.CharterPublished, data);
        await db.SaveChangesAsync();
        return project.CharterSlug;
    }

    public async Task UnpublishAsync(Project project)
    {
        project.PublishedCharterJson = null;
        project.CharterPublishedUtc = null;
        await db.SaveChangesAsync();
    }
}
