using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>Who did something to a report, as the audit trail keeps it. An anonymous reporter has no account.</summary>
public sealed record ConcernActor(string? UserId, string Name)
{
    public const string AnonymousReporter = "The reporter";
    public static readonly ConcernActor Anonymous = new(null, AnonymousReporter);

    /// <summary>The column holds 80 characters; a longer display name is cut.</summary>
    public string StoredName => Name.Length <= 80 ? Name : Name[..80];
}

/// <summary>What a member files.</summary>
public sealed record ConcernDraft(
    Guid CohortId,
    Guid? SessionId,
    string What,
    string? PeopleInvolved,
    bool Anonymous,
    ConcernAudience Audience,
    string? AudienceUserId
);

/// <summary>
/// Everything that happens to a report, each as exactly one <see cref="ConcernEvent"/> saved together with the change
/// and the notifications it causes. Nothing here edits or removes an event.
/// </summary>
public sealed class ConcernActions(KindlingDb db, TimeProvider clock, ConcernNotices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Files the report and tells its readers; returns the receipt token (shown once, never stored).</summary>
    /// <param name="reporter">The signed-in member; not stored when the draft is anonymous.</param>
    public async Task<(ConcernReport Report, string Token)> FileAsync(
        ConcernDraft draft,
        ConcernActor reporter,
        string cohortName
    )
    {
        var token = ReceiptTokens.New();
        var actor = draft.Anonymous ? ConcernActor.Anonymous : reporter;
        var at = draft.Anonymous ? ConcernTimes.DownToHour(Now) : Now;
        var report = new ConcernReport
        {
            CohortId = draft.CohortId,
            SessionId = draft.SessionId,
            ReporterId = actor.UserId,
            Anonymous = draft.Anonymous,
            Audience = draft.Audience,
            AudienceUserId = draft.Audience == ConcernAudience.OneFacilitator ? draft.AudienceUserId : null,
            What = draft.What,
            PeopleInvolved = draft.PeopleInvolved,
            Status = ConcernStatus.New,
            FiledUtc = at,
            ReceiptHash = ReceiptTokens.Hash(token),
        };
        report.Events.Add(Event(report, ConcernEventKind.Filed, actor, at, to: ConcernStatus.New));
        db.ConcernReports.Add(report);
        await notices.FiledAsync(db, report, cohortName);
        await db.SaveChangesAsync();
        return (report, token);
    }

    /// <summary>The reporter adds to the report (from the receipt page or their own list); the readers are
    /// told.</summary>
    public async Task AddByReporterAsync(ConcernReport report, string text, string cohortName)
    {
        var actor = await ReporterAsync(report);
        var at = report.Anonymous ? ConcernTimes.DownToHour(Now) : Now;
        db.ConcernEvents.Add(Event(report, ConcernEventKind.ReporterAdded, actor, at, text: text));
        await notices.AddedAsync(db, report, cohortName);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Moves the report one step (<see cref="ConcernWorkflow"/>); null when done, else why not. The status changes only
    /// if nobody changed it meanwhile, so two readers pressing at once make one step, not two.
    /// </summary>
    public async Task<string?> ChangeStatusAsync(ConcernReport report, ConcernStatus to, ConcernActor reader)
    {
        var from = report.Status;
        if (!ConcernWorkflow.Allows(from, to))
            return $"A report that is {ConcernWorkflow.Label(from).ToLowerInvariant()} can't be marked "
                + $"{ConcernWorkflow.Label(to).ToLowerInvariant()}; nothing changed.";
        var now = Now;
        DateTime? closed = ConcernWorkflow.IsClosed(to) ? now : null;
        await using var tx = await db.Database.BeginTransactionAsync();
        var changed = await db
            .ConcernReports.Where(r => r.Id == report.Id && r.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to).SetProperty(r => r.ClosedUtc, closed));
        if (changed == 0)
            return "Someone changed this report's status a moment ago; nothing changed. Check the status below.";
        db.ConcernEvents.Add(Event(report, ConcernEventKind.StatusChanged, reader, now, from: from, to: to));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }

    public async Task NoteAsync(ConcernReport report, string text, ConcernActor reader)
    {
        db.ConcernEvents.Add(Event(report, ConcernEventKind.Note, reader, Now, text: text));
        await db.SaveChangesAsync();
    }

    /// <summary>A reply the reporter reads on their receipt page; a named reporter is also told in Kindling and by
    /// e-mail (without the text).</summary>
    public async Task ReplyAsync(ConcernReport report, string text, ConcernActor reader, string cohortName)
    {
        db.ConcernEvents.Add(Event(report, ConcernEventKind.Reply, reader, Now, text: text));
        if (report.ReporterId is { } reporterId)
            await notices.RepliedAsync(db, report, reporterId, cohortName);
        await db.SaveChangesAsync();
    }

    public async Task ExportedAsync(ConcernReport report, string format, ConcernActor reader)
    {
        db.ConcernEvents.Add(Event(report, ConcernEventKind.Exported, reader, Now, text: format));
        await db.SaveChangesAsync();
    }

    private async Task<ConcernActor> ReporterAsync(ConcernReport report)
    {
        if (report.ReporterId is not { } id)
            return ConcernActor.Anonymous;
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return new ConcernActor(id, FormerMember.Or(name));
    }

    private static ConcernEvent Event(
        ConcernReport report,
        ConcernEventKind kind,
        ConcernActor actor,
        DateTime at,
        string? text = null,
        ConcernStatus? from = null,
        ConcernStatus? to = null
    ) =>
        new()
        {
            ReportId = report.Id,
            AtUtc = at,
            ActorId = actor.UserId,
            ActorName = actor.StoredName,
            Kind = kind,
            FromStatus = from,
            ToStatus = to,
            Text = text,
        };
}
