using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>The readers' lists (a cohort's, and the inbox across cohorts): newest first, open ones on top.</summary>
public static class ConcernList
{
    public sealed record Row(
        Guid Id,
        string CohortName,
        DateTime FiledUtc,
        ConcernStatus Status,
        bool Anonymous,
        string? ReporterName,
        ConcernAudience Audience,
        string What
    )
    {
        public string Reporter => Anonymous ? "Anonymous" : FormerMember.Or(ReporterName);
    }

    public static async Task<List<Row>> LoadAsync(KindlingDb db, IQueryable<ConcernReport> reports)
    {
        var rows = await reports
            .OrderBy(r => r.Status == ConcernStatus.Resolved || r.Status == ConcernStatus.Closed)
            .ThenByDescending(r => r.FiledUtc)
            .Select(r => new Row(
                r.Id,
                db.Cohorts.Where(c => c.Id == r.CohortId).Select(c => c.Name).First(),
                r.FiledUtc,
                r.Status,
                r.Anonymous,
                db.Users.Where(u => u.Id == r.ReporterId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Audience,
                r.What
            ))
            .ToListAsync();
        return rows.Select(r => r with { What = Excerpt(r.What) }).ToList();
    }

    /// <summary>The start of a text for a list, on one line.</summary>
    public static string Excerpt(string text, int length = 120)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..length].TrimEnd() + "…";
    }
}
