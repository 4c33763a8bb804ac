using Kindling.Data;
using Kindling.Domain;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// Publishing stores a compiled copy: the public page shows only that copy, never the live worksheets. The address is
/// chosen once and kept on unpublish, so publishing again brings the same link back to life.
/// </summary>
public sealed class PublishCharter(KindlingDb db, CompileCharter compile, TimeProvider clock)
{
    public async Task<string> PublishAsync(Project project)
    {
        var charter = await compile.RunAsync(project);
        project.CharterSlug ??= await CharterSlugs.NewUniqueAsync(db, project.Name);
        project.PublishedCharterJson = charter.ToJson();
        project.CharterPublishedUtc = clock.GetUtcNow().UtcDateTime;
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
