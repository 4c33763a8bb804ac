using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// Who reads a report, the one rule every reader page, export and notification asks: for
/// <see cref="ConcernAudience.Facilitators"/> the cohort's facilitators; for
/// <see cref="ConcernAudience.OneFacilitator"/> only the chosen one, while they facilitate the cohort; for
/// <see cref="ConcernAudience.SafetyContacts"/> the people in the safety-contact role. Nobody else: not the other
/// members, not observers, not an instance admin who does not facilitate the cohort.
/// </summary>
public sealed class ConcernReaders(KindlingDb db)
{
    /// <summary>The cohorts the person facilitates (and has joined properly, as every cohort page asks).</summary>
    private IQueryable<Guid> Facilitates(string userId) =>
        db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.UserId == userId && m.Role == CohortRole.Facilitator)
            .Select(m => m.CohortId);

    private IQueryable<string> SafetyContactIds() =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == InstanceRoles.SafetyContact
        select ur.UserId;

    public Task<bool> IsSafetyContactAsync(string userId) => SafetyContactIds().AnyAsync(id => id == userId);

    public Task<bool> AnySafetyContactsAsync() => SafetyContactIds().AnyAsync();

    /// <summary>The reports the person may read (a query to narrow further).</summary>
    public async Task<IQueryable<ConcernReport>> ReadableAsync(string userId)
    {
        var facilitates = Facilitates(userId);
        var safety = await IsSafetyContactAsync(userId);
        return db.ConcernReports.Where(r =>
            (
                r.Audience == ConcernAudience.Facilitators
                || r.Audience == ConcernAudience.OneFacilitator && r.AudienceUserId == userId
            ) && facilitates.Contains(r.CohortId)
            || safety && r.Audience == ConcernAudience.SafetyContacts
        );
    }

    /// <summary>Whether the person reads any report at all: they facilitate a cohort or are a safety contact.</summary>
    public async Task<bool> IsAnyReaderAsync(string userId) =>
        await Facilitates(userId).AnyAsync() || await IsSafetyContactAsync(userId);

    /// <summary>
    /// How many open reports the person alone reads: addressed to them as the one chosen facilitator, or to the safety
    /// contacts while they are the only one. Their account can't go while any waits, or nobody could read it.
    /// </summary>
    public async Task<int> OpenReadOnlyByAsync(string userId)
    {
        var open = db.ConcernReports.Where(r => r.Status != ConcernStatus.Resolved && r.Status != ConcernStatus.Closed);
        var chosen = await open.CountAsync(r =>
            r.Audience == ConcernAudience.OneFacilitator && r.AudienceUserId == userId
        );
        var onlyContact = await IsSafetyContactAsync(userId) && !await SafetyContactIds().AnyAsync(id => id != userId);
        return chosen + (onlyContact ? await open.CountAsync(r => r.Audience == ConcernAudience.SafetyContacts) : 0);
    }

    /// <summary>Everyone who reads the report now: the people told when it is filed or added to.</summary>
    public async Task<List<string>> ReaderIdsAsync(ConcernReport report)
    {
        var facilitators = db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.CohortId == report.CohortId && m.Role == CohortRole.Facilitator)
            .Select(m => m.UserId);
        return report.Audience switch
        {
            ConcernAudience.Facilitators => await facilitators.ToListAsync(),
            ConcernAudience.OneFacilitator => await facilitators.Where(id => id == report.AudienceUserId).ToListAsync(),
            _ => await SafetyContactIds().Distinct().ToListAsync(),
        };
    }
}
