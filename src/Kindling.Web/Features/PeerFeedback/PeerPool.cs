using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>
/// What a round can be arranged from: the shared worksheets of one template in the cohort (and, across cohorts, in the
/// other cohorts of its curriculum where every manager opted in), and the people who may review.
/// </summary>
public sealed class PeerPool
{
    public sealed record Sheet(
        Guid Id,
        Guid CohortId,
        string CohortName,
        string Title,
        Guid ProjectId,
        string ProjectName,
        PeerPairing.Entry Entry
    );

    /// <summary>Someone who may give feedback: a member taking part in <see cref="CohortId"/> (not an
    /// observer).</summary>
    public sealed record Reviewer(string UserId, string Name, Guid CohortId, string CohortName, bool Open);

    public required IReadOnlyList<Sheet> Sheets { get; init; }
    public required IReadOnlyList<Reviewer> Reviewers { get; init; }

    /// <summary>Who takes part in which of the pool's cohorts.</summary>
    public required IReadOnlySet<(Guid CohortId, string UserId)> Members { get; init; }

    /// <summary>The profile fields groups can be balanced by, as on the form.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> BalanceFields =
    [
        ("organisation", "Organisation"),
        ("title", "Job title"),
        ("timezone", "Time zone"),
        ("pronouns", "Pronouns"),
    ];

    public static async Task<PeerPool> LoadAsync(
        KindlingDb db,
        Cohort home,
        string templateSlug,
        bool across,
        string? field
    )
    {
        var cohorts = await db
            .Cohorts.Where(c => c.Id == home.Id || (across && c.CurriculumId == home.CurriculumId))
            .ToDictionaryAsync(c => c.Id, c => c.Name);
        var ids = cohorts.Keys.ToList();
        var sheets = await db
            .Worksheets.Where(w => ids.Contains(w.CohortId) && w.TemplateSlug == templateSlug && w.SharedUtc != null)
            .Join(db.Projects, w => w.ProjectId, p => p.Id, (w, p) => new { w, p })
            .OrderBy(x => x.p.Name)
            .Select(x => new
            {
                x.w.Id,
                x.w.CohortId,
                x.w.Title,
                x.w.ProjectId,
                ProjectName = x.p.Name,
            })
            .ToListAsync();
        var projectIds = sheets.Select(s => s.ProjectId).Distinct().ToList();
        var managers = (
            await db
                .ProjectMembers.Where(m => projectIds.Contains(m.ProjectId))
                .OrderBy(m => m.Role)
                .Select(m => new { m.ProjectId, m.UserId })
                .ToListAsync()
        ).ToLookup(m => m.ProjectId, m => m.UserId);
        var members = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => ids.Contains(m.CohortId) && m.Role != CohortRole.Observer)
            .Select(m => new
            {
                m.CohortId,
                m.UserId,
                m.User!.DisplayName,
                m.PeerFeedbackAcrossCohorts,
                m.User.Organisation,
                m.User.Title,
                m.User.TimeZoneId,
                m.User.Pronouns,
            })
            .ToListAsync();
        var memberOf = members.ToDictionary(m => (m.CohortId, m.UserId));
        var result = new List<Sheet>();
        foreach (var s in sheets)
        {
            var all = managers[s.ProjectId].ToList();
            var reviewers = all.Where(u => memberOf.ContainsKey((s.CohortId, u))).ToList();
            var open = reviewers.Count > 0 && reviewers.All(u => memberOf[(s.CohortId, u)].PeerFeedbackAcrossCohorts);
            if (s.CohortId != home.Id && !open)
                continue;
            var first = reviewers.Select(u => memberOf[(s.CohortId, u)]).FirstOrDefault();
            var value = field switch
            {
                "organisation" => first?.Organisation,
                "title" => first?.Title,
                "timezone" => first?.TimeZoneId,
                _ => first?.Pronouns,
            };
            var entry = new PeerPairing.Entry(s.Id, s.CohortId, all, reviewers, value, open);
            result.Add(new Sheet(s.Id, s.CohortId, cohorts[s.CohortId], s.Title, s.ProjectId, s.ProjectName, entry));
        }
        var people = members
            .Where(m => m.CohortId == home.Id || m.PeerFeedbackAcrossCohorts)
            .OrderBy(m => m.CohortId != home.Id)
            .ThenBy(m => m.DisplayName)
            .Select(m => new Reviewer(
                m.UserId,
                m.DisplayName,
                m.CohortId,
                cohorts[m.CohortId],
                m.PeerFeedbackAcrossCohorts
            ))
            .DistinctBy(m => m.UserId)
            .ToList();
        return new PeerPool
        {
            Sheets = result,
            Reviewers = people,
            Members = memberOf.Keys.ToHashSet(),
        };
    }
}
