using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// What a deleted account leaves in the concern reports, in the caller's transaction. A report filed by name keeps
/// its words, for the facilitators' duty of care, but no longer points to the person: it reads "from a former
/// member", and the receipt link still works for whoever kept it. Lines of a trail the person wrote (filing, additions,
/// or as a reader notes, replies and status changes) keep what was done and when, by "a former member". This renaming
/// is the one change a trail ever takes besides the retention job's deletion; it goes past
/// <see cref="ConcernEventGuard"/> as a bulk update.
/// </summary>
public static class FormerReporters
{
    public static async Task ForgetAsync(KindlingDb db, string userId, CancellationToken ct = default)
    {
        await db
            .ConcernReports.Where(r => r.ReporterId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterId, (string?)null), ct);
        await db
            .ConcernEvents.Where(e => e.ActorId == userId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.ActorId, (string?)null).SetProperty(e => e.ActorName, FormerMember.Name),
                ct
            );
    }
}
