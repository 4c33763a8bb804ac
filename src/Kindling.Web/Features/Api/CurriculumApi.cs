using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

public sealed record CurriculumSummary(Guid Id, string Slug, string Title, int Version, int Lessons, bool BuiltIn);

/// <summary>Curricula for the instance's facilitators, as on the curricula pages: the list, and each as the zip that
/// imports again unchanged.</summary>
public static class CurriculumApi
{
    public static void MapCurriculumApi(this RouteGroupBuilder api)
    {
        var curricula = api.MapGroup("/curricula")
            .RequireAuthorization(IdentitySetup.FacilitatorPolicy)
            .AddEndpointFilter(
                (context, next) =>
                    TokenClaims.CohortOf(context.HttpContext.User) is null
                        ? next(context)
                        : ValueTask.FromResult<object?>(
                            ApiProblems.Forbidden("This token reaches one cohort only; curricula are outside it.")
                        )
            );
        curricula
            .MapGet("/", ListAsync)
            .WithName("listCurricula")
            .WithSummary("The instance's curricula (instance facilitators)");
        curricula
            .MapGet("/{slug}/export", ExportAsync)
            .RequireRateLimiting(RateLimits.Export)
            .WithName("exportCurriculum")
            .WithSummary("A curriculum as a zip of Markdown lessons and YAML templates that imports again")
            .Produces(200, contentType: "application/zip");
    }

    private static async Task<Ok<List<CurriculumSummary>>> ListAsync(KindlingDb db) =>
        TypedResults.Ok(
            await db
                .Curricula.AsNoTracking()
                .OrderBy(c => c.Title)
                .Select(c => new CurriculumSummary(c.Id, c.Slug, c.Title, c.Version, c.Lessons.Count, c.IsBuiltIn))
                .ToListAsync()
        );

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string slug, KindlingDb db)
    {
        var curriculum = await db
            .Curricula.Include(c => c.Lessons)
            .AsNoTracking()
            .FirstOrDefaultAsync(c => c.Slug == slug);
        if (curriculum is null)
            return ApiProblems.NotFound("No curriculum has this slug; list them at /api/v1/curricula.");
        var templates = await db
            .AssignmentTemplates.Where(t => t.CurriculumId == curriculum.Id)
            .AsNoTracking()
            .ToListAsync();
        return TypedResults.File(
            CurriculumExport.ToZip(curriculum, templates),
            "application/zip",
            $"{curriculum.Slug}-v{curriculum.Version}.zip"
        );
    }
}
