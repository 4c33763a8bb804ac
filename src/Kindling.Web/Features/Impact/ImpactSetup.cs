using System.Text;
using Kindling.Web.Features.Charter;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kindling.Web.Features.Impact;

public static class ImpactSetup
{
    public static void AddImpact(this IServiceCollection s) => s.AddScoped<LoadImpactReport>();

    /// <summary>Downloads of the impact report, for whoever may read its page (everyone else gets 404, as for the
    /// page).</summary>
    public static void MapImpactEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapCohortGroup()
            .MapGroup("/projects/{projectId:guid}")
            .RequireRateLimiting(RateLimits.Export);
        project.MapGet(
            "/impact.md",
            (Guid projectId, HttpContext http) =>
                Download(
                    projectId,
                    http,
                    r => Encoding.UTF8.GetBytes(ImpactMarkdown.Write(r)),
                    CharterSetup.Markdown,
                    "md"
                )
        );
        project.MapGet(
            "/impact.pdf",
            (Guid projectId, HttpContext http) => Download(projectId, http, ImpactPdf.Write, CharterSetup.Pdf, "pdf")
        );
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(
        Guid projectId,
        HttpContext http,
        Func<ImpactReport, byte[]> write,
        string contentType,
        string extension
    )
    {
        var services = http.RequestServices;
        var membership = services.GetRequiredService<CurrentCohort>().Membership;
        var loaded = await services
            .GetRequiredService<LoadImpactReport>()
            .RunAsync(membership, projectId, http.RequestAborted);
        if (loaded is null)
            return TypedResults.NotFound();
        return TypedResults.File(
            write(loaded.Report),
            contentType,
            ImpactText.FileName(loaded.Project.Name, extension)
        );
    }
}
