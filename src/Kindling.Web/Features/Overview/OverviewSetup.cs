using System.Text;
using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Overview;

public static class OverviewSetup
{
    public const string Markdown = "text/markdown; charset=utf-8";

    public static void AddOverview(this IServiceCollection s)
    {
        s.AddScoped<CohortOverviewQuery>();
        s.AddScoped<ProgressQuery>();
        s.AddScoped<PeerTrackingQuery>();
        s.AddScoped<CurriculumOverviewQuery>();
    }

    /// <summary>The cohort overview's downloads, for the cohort's facilitators only (the cohort check answers everyone
    /// else: 403 for other members, 404 for outsiders).</summary>
    public static void MapOverview(this IEndpointRouteBuilder app)
    {
        var group = app.MapCohortGroup(CohortNeed.Facilitator).RequireRateLimiting(RateLimits.Export);
        group.MapGet(
            "/overview.csv",
            async (CurrentCohort cohort, CohortOverviewQuery query, KindlingDb db) =>
            {
                var (overview, zone) = await LoadAsync(cohort, query, db);
                return Results.File(OverviewCsv.Write(overview, zone), Csv.ContentType, FileName(overview, "csv"));
            }
        );
        group.MapGet(
            "/overview.md",
            async (CurrentCohort cohort, CohortOverviewQuery query, KindlingDb db) =>
            {
                var (overview, zone) = await LoadAsync(cohort, query, db);
                var bytes = Encoding.UTF8.GetBytes(OverviewMarkdown.Write(overview, zone));
                return Results.File(bytes, Markdown, FileName(overview, "md"));
            }
        );
    }

    private static async Task<(CohortOverview, string)> LoadAsync(
        CurrentCohort cohort,
        CohortOverviewQuery query,
        KindlingDb db
    )
    {
        var zone = await db
            .Users.Where(u => u.Id == cohort.Membership.Member.UserId)
            .Select(u => u.TimeZoneId)
            .FirstAsync();
        return (await query.LoadAsync(cohort.Membership), zone);
    }

    /// <summary>"overview-spring-cohort.csv": the cohort's name as a file name of letters, digits and
    /// hyphens.</summary>
    public static string FileName(CohortOverview o, string extension)
    {
        var slug = Charter.CharterSlugs.Readable(o.CohortName);
        return $"overview{(slug.Length > 0 ? "-" + slug : "")}.{extension}";
    }
}
