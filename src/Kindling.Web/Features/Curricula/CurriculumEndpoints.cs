using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public static class CurriculumEndpoints
{
    public sealed record PreviewRequest(string? FileName, string? Source);

    public static void MapCurriculumEndpoints(this IEndpointRouteBuilder app)
    {
        // Live preview for the lesson editor: parses the whole file and returns safe HTML or the error with its line.
        app.MapPost(
                "/curricula/preview",
                (PreviewRequest req) =>
                {
                    var source = req.Source ?? "";
                    if (source.Length > LessonParser.MaxFileBytes)
                        return Results.Ok(
                            new
                            {
                                ok = false,
                                error = $"The lesson is larger than {LessonParser.MaxFileBytes / 1000} KB.",
                            }
                        );
                    var (doc, error) = LessonParser.Parse(req.FileName ?? "lesson.md", source);
                    return error is not null
                        ? Results.Ok(new { ok = false, error = error.ToString() })
                        : Results.Ok(new { ok = true, html = LessonHtml.Render(doc!) });
                }
            )
            .RequireAuthorization(IdentitySetup.FacilitatorPolicy);

        // The curriculum folder as a zip that imports again (under a new slug) unchanged.
        app.MapGet(
                "/curricula/{slug}/download.zip",
                async (string slug, KindlingDb db) =>
                {
                    var curriculum = await db
                        .Curricula.Include(c => c.Lessons)
                        .AsNoTracking()
                        .FirstOrDefaultAsync(c => c.Slug == slug);
                    if (curriculum is null)
                        return Results.NotFound();
                    var templates = await db
                        .AssignmentTemplates.Where(t => t.CurriculumId == curriculum.Id)
                        .AsNoTracking()
                        .ToListAsync();
                    return Results.File(
                        CurriculumExport.ToZip(curriculum, templates),
                        "application/zip",
                        $"{curriculum.Slug}-v{curriculum.Version}.zip"
                    );
                }
            )
            .RequireAuthorization(IdentitySetup.FacilitatorPolicy)
            .RequireRateLimiting(RateLimits.Export);
    }
}
