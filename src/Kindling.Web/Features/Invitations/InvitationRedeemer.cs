using System.Security.Cryptography;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Invitations;

public sealed record OpenInvitation(Invitation? Invitation, string Description, string? Error, int Status);

public sealed record Redemption(string RedirectTo, string? Error);

/// <summary>Checks and uses invitation links; the single place that turns a link into a membership or a facilitator
/// role.</summary>
public sealed class InvitationRedeemer(KindlingDb db, UserManager<AppUser> users, TimeProvider clock)
{
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    public async Task<OpenInvitation> FindOpenAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
            return new(null, "", "This invitation link is not valid. Check that you copied the whole link.", 404);
        var inv = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Token == token);
        if (inv is null)
            return new(null, "", "This invitation link is not valid. Check that you copied the whole link.", 404);
        var state = inv.StateAt(clock.GetUtcNow().UtcDateTime);
        if (state != InvitationState.Open)
            return new(inv, "", state.Describe(), 410);
        if (inv.CohortId is null)
            return new(inv, "You are invited to facilitate cohorts on this Kindling instance.", null, 200);
        var cohortName = await db.Cohorts.Where(c => c.Id == inv.CohortId).Select(c => c.Name).FirstAsync();
        return new(inv, $"You are invited to join the cohort “{cohortName}” as {RoleName(inv.Role)}.", null, 200);
    }

    public static string RoleName(CohortRole role) =>
        role switch
        {
            CohortRole.Facilitator => "a facilitator",
            CohortRole.Observer => "an observer",
            _ => "a participant",
        };

    /// <summary>
    /// Uses the invitation for this user: the membership (or facilitator role) and the counted use are committed
    /// together.
    /// The use is counted by one conditional UPDATE, so people redeeming a multi-use link at the same moment all get
    /// in,
    /// and of several redeeming a single-use link at once exactly one does.
    /// </summary>
    public async Task<Redemption> RedeemAsync(string token, AppUser user)
    {
        var open = await FindOpenAsync(token);
        if (open.Error is not null)
            return new("", open.Error);
        var inv = open.Invitation!;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync()
            : null;
        if (inv.CohortId is Guid member)
        {
            var existing = await db
                .CohortMembers.AsNoTracking()
                .FirstOrDefaultAsync(m => m.CohortId == member && m.UserId == user.Id);
            if (existing is not null)
                return new(
                    $"/cohorts/{member}",
                    $"You are already {RoleName(existing.Role)} in this cohort; the invitation was not used and your "
                        + $"role is unchanged."
                );
        }
        var counted = await db
            .Invitations.Where(i => i.Id == inv.Id)
            .Where(Invitation.OpenAt(now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1));
        if (counted == 0)
            return new(
                "",
                (await db.Invitations.AsNoTracking().FirstAsync(i => i.Id == inv.Id)).StateAt(now).Describe()
            );
        if (inv.CohortId is Guid cohortId)
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = cohortId,
                    UserId = user.Id,
                    Role = inv.Role,
                    JoinedUtc = now,
                }
            );
        else if (
            !await users.IsInRoleAsync(user, InstanceRoles.Facilitator)
            && !(await users.AddToRoleAsync(user, InstanceRoles.Facilitator)).Succeeded
        )
            return new("", "Kindling could not make you a facilitator; nothing was changed.");
        // An invitation e-mailed to the account's own address: opening its link proved the address.
        if (inv.Email is not null && string.Equals(inv.Email, user.Email, StringComparison.OrdinalIgnoreCase))
            user.EmailConfirmed = true;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same person accepting twice at once (two tabs): the other acceptance made the membership.
            return new(
                "",
                "This invitation was being accepted for your account at the same moment elsewhere; nothing more was "
                    + "changed."
            );
        }
        if (ownTransaction is not null)
            await ownTransaction.CommitAsync();
        return new(inv.CohortId is Guid id ? $"/cohorts/{id}/welcome" : "/", null);
    }
}
