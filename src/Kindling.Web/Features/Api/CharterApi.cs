using System.Text;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Infrastructure;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kindling.Web.Features.Api;

/// <summary>A project's charter, compiled from its worksheets now, for the project's managers (as the charter page
/// and its downloads): JSON, Markdown, PDF or DOCX.</summary>
public static class CharterApi
{
    public static void MapCharterApi(this RouteGroupBuilder cohort) =>
        cohort
            .MapGet("/projects/{projectId:guid}/charter", GetCharterAsync)
            .RequireRateLimiting(RateLimits.Export)
            .WithName("getCharter")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The project's charter (project managers): format json (default), md, pdf or docx")
            .Produces<CharterDocument>(200)
            .Produces<string>(200, "text/markdown", "application/pdf", CharterSetup.Docx);

    private static async Task<IResult> GetCharterAsync(
        Guid projectId,
        string? format,
        CurrentCohort cohort,
        WorksheetAccess access,
        CompileCharter compile
    )
    {
        if (await access.ManagedProjectAsync(cohort.Membership, projectId) is not { } project)
            return ApiProblems.NotFound("No project you manage in this cohort has this id.");
        var name = project.Name;
        switch (format ?? "json")
        {
            case "json":
                return TypedResults.Text((await compile.RunAsync(project)).ToJson(), "application/json");
            case "md":
                var md = CharterMarkdown.Write(await compile.RunAsync(project));
                return TypedResults.File(
                    Encoding.UTF8.GetBytes(md),
                    CharterSetup.Markdown,
                    CharterText.FileName(name, "md")
                );
            case "pdf":
                var pdf = CharterPdf.Write(await compile.RunAsync(project));
                return TypedResults.File(pdf, CharterSetup.Pdf, CharterText.FileName(name, "pdf"));
            case "docx":
                var docx = CharterDocx.Write(await compile.RunAsync(project));
                return TypedResults.File(docx, CharterSetup.Docx, CharterText.FileName(name, "docx"));
            default:
                return ApiProblems.Status(
                    StatusCodes.Status400BadRequest,
                    "Choose a charter format: json, md, pdf or docx."
                );
        }
    }
}
