using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Concerns;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Infrastructure;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PersonalData;

/// <summary>
/// Deletes a person's account, in one transaction. Their live responses and questions stay in the session documents,
/// by "a former member" (<see cref="FormerAuthors"/>); reports they filed by name stay for the facilitators, no longer
/// tied to them (<see cref="FormerReporters"/>); projects they manage with others stay with those others. Everything
/// else of theirs goes: memberships, projects they alone manage (with their worksheets), feedback, comments, peer
/// reviews, attendance, notifications and e-mails, preferences, tokens, and cohorts nobody else is in. Invitations
/// they sent stay as their cohort's.
/// </summary>
public sealed class AccountDeletion(
    KindlingDb db,
    UserManager<AppUser> users,
    ConcernReaders concerns,
    TableVersions tables,
    ILiveRooms live
)
{
    public sealed record Check(List<string> Refusals, List<CohortSeat> CohortsThatGo);

    public async Task<Check> CheckAsync(AppUser user)
    {
        var seats = await SeatsAsync(user.Id);
        var onlyAdmin =
            await users.IsInRoleAsync(user, InstanceRoles.Admin)
            && !(await users.GetUsersInRoleAsync(InstanceRoles.Admin)).Any(a =>
                a.Id != user.Id && !DisabledAccounts.IsDisabled(a)
            );
        var reports = await concerns.OpenReadOnlyByAsync(user.Id);
        return new Check(DeletionRules.Refusals(seats, onlyAdmin, reports), DeletionRules.GoWithTheAccount(seats));
    }

    private Task<List<CohortSeat>> SeatsAsync(string id) =>
        (
            from m in db.CohortMembers
            join c in db.Cohorts on m.CohortId equals c.Id
            where m.UserId == id
            select new CohortSeat(
                c.Id,
                c.Name,
                m.Role == CohortRole.Facilitator,
                db.CohortMembers.Count(o => o.CohortId == c.Id && o.UserId != id && o.Role == CohortRole.Facilitator),
                db.CohortMembers.Count(o => o.CohortId == c.Id && o.UserId != id)
            )
        ).ToListAsync();

    /// <summary>Checks again inside the transaction and deletes; returns the check, whose refusals (if any) mean
    /// nothing changed.</summary>
    public async Task<Check> DeleteAsync(AppUser user)
    {
        var id = user.Id;
        Check check;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            check = await CheckAsync(user);
            if (check.Refusals.Count > 0)
                return check;
            var lonely = check.CohortsThatGo.Select(c => c.CohortId).ToList();
            await db
                .Invitations.Where(i => i.CohortId != null && lonely.Contains(i.CohortId.Value))
                .ExecuteDeleteAsync();
            await db.Cohorts.Where(c => lonely.Contains(c.Id)).ExecuteDeleteAsync(); // the database cascades
            await DeleteOwnRowsAsync(id, Addresses(user));
            await FormerAuthors.ForgetAsync(db, id);
            await FormerReporters.ForgetAsync(db, id);
            var result = await users.DeleteAsync(user); // roles, logins and Identity tokens cascade
            if (!result.Succeeded)
                throw new InvalidOperationException(
                    "Deleting the account failed: " + string.Join("; ", result.Errors.Select(e => e.Description))
                );
            await tx.CommitAsync();
        }
        // Cascades write tables the read cache can't see in the SQL; an account deletion is rare.
        tables.WrittenEverything();
        await live.EvictEverywhereAsync(id);
        return check;
    }

    private async Task DeleteOwnRowsAsync(string id, List<string> addresses)
    {
        // A project only they manage goes with its worksheets, versions, comments and reviews (cascade).
        await db
            .Projects.Where(p =>
                db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == id)
                && !db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId != id)
            )
            .ExecuteDeleteAsync();
        await db.ProjectMembers.Where(m => m.UserId == id).ExecuteDeleteAsync();
        await db.WorksheetComments.Where(c => c.AuthorId == id).ExecuteDeleteAsync();
        await db.WorksheetReviewers.Where(r => r.UserId == id).ExecuteDeleteAsync();
        await db.PeerReviews.Where(r => r.ReviewerId == id).ExecuteDeleteAsync();
        await db.SessionFeedback.Where(f => f.AuthorId == id).ExecuteDeleteAsync();
        await db.Attendance.Where(a => a.UserId == id).ExecuteDeleteAsync();
        await db.Notifications.Where(n => n.UserId == id).ExecuteDeleteAsync();
        await db.NotificationPreferences.Where(p => p.UserId == id).ExecuteDeleteAsync();
        await db.ApiTokens.Where(t => t.UserId == id).ExecuteDeleteAsync();
        await db.Outbox.Where(o => o.UserId == id || addresses.Contains(o.ToAddress)).ExecuteDeleteAsync();
        // An invitation e-mailed to them stays the cohort's, without their address.
        await db
            .Invitations.Where(i => i.Email != null && addresses.Contains(i.Email))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, (string?)null));
        await db.CohortMembers.Where(m => m.UserId == id).ExecuteDeleteAsync();
    }

    /// <summary>The person's address as typed, in lower case and as Identity normalises it: how mail to them and
    /// invitations for them were written.</summary>
    private static List<string> Addresses(AppUser user) =>
        new[] { user.Email, user.Email?.ToLowerInvariant(), user.NormalizedEmail }
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
