using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>One report with what its pages and exports show: cohort, session, who reads it and its trail.</summary>
public sealed record ConcernView(
    ConcernReport Report,
    string CohortName,
    string CohortZone,
    string? SessionTitle,
    DateTime? SessionStartsUtc,
    string? ReporterName,
    string? AudienceName,
    IReadOnlyList<ConcernEvent> Events
)
{
    public string Audience =>
        Report.Audience switch
        {
            ConcernAudience.Facilitators => "All facilitators of the cohort",
            ConcernAudience.OneFacilitator => $"Only {FormerMember.Or(AudienceName)}",
            _ => "The safety contacts of this Kindling",
        };

    /// <summary>Who reported it, as readers see it: a name, "Anonymous" (nothing else is known), or "a former member"
    /// once a named reporter deleted their account.</summary>
    public string Reporter => Report.Anonymous ? "Anonymous" : FormerMember.Or(ReporterName);

    public string Status => ConcernWorkflow.Label(Report.Status);

    /// <summary>What the reporter sees of the trail: their own words, the status and the replies; never the
    /// notes.</summary>
    public IEnumerable<ConcernEvent> ForReporter =>
        Events.Where(e =>
            e.Kind
                is ConcernEventKind.Filed
                    or ConcernEventKind.StatusChanged
                    or ConcernEventKind.Reply
                    or ConcernEventKind.ReporterAdded
        );

    /// <summary>One line of the audit trail, as readers and exports show it.</summary>
    public static string Describe(ConcernEvent e) =>
        e.Kind switch
        {
            ConcernEventKind.Filed => "Filed the report",
            ConcernEventKind.StatusChanged => $"Changed the status from {Label(e.FromStatus)} to {Label(e.ToStatus)}",
            ConcernEventKind.Note => "Added a note for the readers",
            ConcernEventKind.Reply => "Replied to the reporter",
            ConcernEventKind.ReporterAdded => "Added to the report",
            _ => $"Exported the report ({e.Text})",
        };

    /// <summary>The text an event carries that belongs in the trail (exports name only their format).</summary>
    public static string? TextOf(ConcernEvent e) => e.Kind == ConcernEventKind.Exported ? null : e.Text;

    /// <summary>One line of the trail as the reporter sees it.</summary>
    public static string DescribeForReporter(ConcernEvent e) =>
        e.Kind switch
        {
            ConcernEventKind.Filed => "You raised the concern",
            ConcernEventKind.StatusChanged => $"Status changed to {Label(e.ToStatus)}",
            ConcernEventKind.Reply => $"Reply from {e.ActorName}",
            _ => "You added",
        };

    private static string Label(ConcernStatus? s) => s is { } v ? ConcernWorkflow.Label(v).ToLowerInvariant() : "?";

    public static async Task<ConcernView> LoadAsync(KindlingDb db, ConcernReport report)
    {
        var cohort = await db
            .Cohorts.Where(c => c.Id == report.CohortId)
            .Select(c => new { c.Name, c.TimeZoneId })
            .FirstAsync();
        var session = report.SessionId is { } sid
            ? await db
                .Sessions.Where(s => s.Id == sid)
                .Select(s => new { s.Lesson!.Title, s.StartsUtc })
                .FirstOrDefaultAsync()
            : null;
        var reporter = report.ReporterId is { } rid
            ? await db.Users.Where(u => u.Id == rid).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        var audience = report.AudienceUserId is { } aid
            ? await db.Users.Where(u => u.Id == aid).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        var events = await db
            .ConcernEvents.AsNoTracking()
            .Where(e => e.ReportId == report.Id)
            .OrderBy(e => e.Id)
            .ToListAsync();
        return new ConcernView(
            report,
            cohort.Name,
            cohort.TimeZoneId,
            session?.Title,
            session?.StartsUtc,
            reporter,
            audience,
            events
        );
    }
}
