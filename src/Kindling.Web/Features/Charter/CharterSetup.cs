using System.Text;
using Kindling.Data;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Charter;

public static class CharterSetup
{
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void AddCharter(this IServiceCollection s)
    {
        s.AddScoped<CompileCharter>();
        s.AddScoped<PublishCharter>();
    }

    /// <summary>
    /// Downloads of the compiled charter, for the project's managers only (everyone else gets 404, as for the page),
    /// and
    /// the Markdown of a published charter for anyone.
    /// </summary>
    public static void MapCharterEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapCohortGroup()
            .MapGroup("/projects/{projectId:guid}")
            .RequireRateLimiting(RateLimits.Export);
        project.MapGet(
            "/charter.md",
            (Guid projectId, HttpContext http) =>
                Download(projectId, http, d => Encoding.UTF8.GetBytes(CharterMarkdown.Write(d)), Markdown, "md")
        );
        project.MapGet(
            "/charter.pdf",
            (Guid projectId, HttpContext http) => Download(projectId, http, d => CharterPdf.Write(d), Pdf, "pdf")
        );
        project.MapGet(
            "/charter.docx",
            (Guid projectId, HttpContext http) => Download(projectId, http, CharterDocx.Write, Docx, "docx")
        );

        app.MapGet(
                "/charters/{slug}.md",
                async Task<Results<FileContentHttpResult, NotFound>> (string slug, KindlingDb db) =>
                {
                    var published = await PublishedAsync(db, slug);
                    if (published is null)
                        return TypedResults.NotFound();
                    return TypedResults.File(
                        Encoding.UTF8.GetBytes(CharterMarkdown.Write(published, publicCopy: true)),
                        Markdown,
                        CharterText.FileName(published.ProjectName, "md")
                    );
                }
            )
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Export);
    }

    /// <summary>The published copy behind a public address, or null when there is none (unknown or
    /// unpublished).</summary>
    public static async Task<CharterDocument?> PublishedAsync(KindlingDb db, string slug)
    {
        var json = await db
            .Projects.AsNoTracking()
            .Where(p => p.CharterSlug == slug && p.PublishedCharterJson != null)
            .Select(p => p.PublishedCharterJson)
            .FirstOrDefaultAsync();
        return json is null ? null : CharterDocument.FromJson(json);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(
        Guid projectId,
        HttpContext http,
        Func<CharterDocument, byte[]> write,
        string contentType,
        string extension
    )
    {
        var services = http.RequestServices;
        var membership = services.GetRequiredService<CurrentCohort>().Membership;
        var project = await services.GetRequiredService<WorksheetAccess>().ManagedProjectAsync(membership, projectId);
        if (project is null)
            return TypedResults.NotFound();
        var charter = await services.GetRequiredService<CompileCharter>().RunAsync(project);
        return TypedResults.File(write(charter), contentType, CharterText.FileName(project.Name, extension));
    }
}
