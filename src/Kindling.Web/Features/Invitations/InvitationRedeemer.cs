using System.Security.Cryptography;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Invitations;

public sealed record OpenInvitation(Invitation? Invitation, string Description, string? Error, int Status);
public sealed record Redemption(string RedirectTo, string? Error);

/// <summary>Checks and uses invitation links; the single place that turns a link into a membership or a facilitator role.</summary>
public sealed class InvitationRedeemer(KindlingDb db, UserManager<AppUser> users, TimeProvider clock)
{
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    public async Task<OpenInvitation> FindOpenAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
            return new(null, "", "This invitation link is not valid. Check that you copied the whole link.", 404);
        var inv = await db.Invitations.FirstOrDefaultAsync(i => i.Token == token);
        if (inv is null) return new(null, "", "This invitation link is not valid. Check that you copied the whole link.", 404);
        var state = inv.StateAt(clock.GetUtcNow().UtcDateTime);
        if (state != InvitationState.Open) return new(inv, "", state.Describe(), 410);
        if (inv.CohortId is null)
            return new(inv, "You are invited to facilitate cohorts on this Kindling instance.", null, 200);
        var cohortName = await db.Cohorts.Where(c => c.Id == inv.CohortId).Select(c => c.Name).FirstAsync();
        return new(inv, $"You are invited to join the cohort “{cohortName}” as {RoleName(inv.Role)}.", null, 200);
    }

    public static string RoleName(CohortRole role) => role switch
    {
        CohortRole.Facilitator => "a facilitator",
        CohortRole.Observer => "an observer",
        _ => "a participant",
    };

    /// <summary>Uses the invitation for this user. A concurrent second use of a single-use link fails cleanly.</summary>
    public async Task<Redemption> RedeemAsync(string token, AppUser user)
    {
        var open = await FindOpenAsync(token);
        if (open.Error is not null) return new("", open.Error);
        var inv = open.Invitation!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (inv.CohortId is Guid cohortId)
        {
            var existing = await db.CohortMembers.FirstOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == user.Id);
            if (existing is not null)
                return new($"/cohorts/{cohortId}", $"You are already {RoleName(existing.Role)} in this cohort; the invitation was not used and your role is unchanged.");
            db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = user.Id, Role = inv.Role, JoinedUtc = now });
        }
        else if (!await users.IsInRoleAsync(user, InstanceRoles.Facilitator))
        {
            var added = await users.AddToRoleAsync(user, InstanceRoles.Facilitator);
            if (!added.Succeeded) return new("", "Kindling could not make you a facilitator; nothing was changed.");
        }
        inv.Use(now);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException)
        {
            return new("", InvitationState.Used.Describe());
        }
        return new(inv.CohortId is Guid id ? $"/cohorts/{id}/welcome" : "/", null);
    }
}
