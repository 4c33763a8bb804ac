using Kindling.Domain;
using Kindling.Web.Features.Invitations;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Admin;

/// <summary>The admin page's account care: disabling an account, seeing failed mail, inviting facilitators by
/// e-mail.</summary>
public partial class UsersModel
{
    public sealed record Failure(DateTime CreatedUtc, string Subject, string? Error);

    /// <summary>The latest message to each person that could not be delivered.</summary>
    public Dictionary<string, Failure> Failures { get; private set; } = [];

    public async Task<IActionResult> OnPostDisableAsync(string? userId)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        if (user.Id == CohortAccess.UserId(User))
            return await ProblemAsync("Disable", "You can't disable your own account. Another admin can.");
        if (DisabledAccounts.IsDisabled(user))
            return await ProblemAsync("Disable", $"{user.DisplayName}'s account is already disabled; nothing changed.");
        var otherAdmins = (await users.GetUsersInRoleAsync(InstanceRoles.Admin)).Count(a =>
            a.Id != user.Id && !DisabledAccounts.IsDisabled(a)
        );
        if (await users.IsInRoleAsync(user, InstanceRoles.Admin) && otherAdmins == 0)
            return await ProblemAsync(
                "Disable",
                $"{user.DisplayName} is the last admin who can sign in; the account stays enabled."
            );
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DisabledAccounts.Until);
        // A new stamp ends the person's sign-ins at their next check (within a minute) and closes live rooms now.
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] =
            $"{user.DisplayName}'s account is disabled: they are signed out within a minute and can't sign in. "
            + "Their memberships and work stay.";
        return Redirect("/admin");
    }

    public async Task<IActionResult> OnPostEnableAsync(string? userId)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        if (!DisabledAccounts.IsDisabled(user))
            return await ProblemAsync("Enable", $"{user.DisplayName}'s account is not disabled; nothing changed.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"{user.DisplayName}'s account is enabled again: they can sign in.";
        return Redirect("/admin");
    }

    /// <summary>One single-use facilitator invitation per address, each mailed in the same save.</summary>
    public async Task<IActionResult> OnPostMailInviteAsync()
    {
        InvitationLinks.ReplaceDaysBindingError(ModelState, "Mail.ExpiresInDays");
        var (addresses, errors) = InvitationMail.Parse(Mail.Addresses);
        foreach (var error in errors)
            ModelState.AddModelError("Mail.Addresses", error);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var me = CohortAccess.UserId(User)!;
        var inviter = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var address in addresses)
        {
            var invitation = InvitationLinks.Create(
                null,
                CohortRole.Facilitator,
                singleUse: true,
                Mail.ExpiresInDays!.Value,
                me,
                now
            );
            invitation.Email = address;
            db.Invitations.Add(invitation);
            InvitationMail.Send(messenger, db, invitation, inviter, null);
        }
        await db.SaveChangesAsync();
        TempData["Flash"] =
            addresses.Count == 1
                ? $"Facilitator invitation sent to {addresses[0]}."
                : $"{addresses.Count} facilitator invitations sent, one to each address.";
        return Redirect("/admin");
    }

    public async Task<IActionResult> OnPostResendInviteAsync(Guid id)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i =>
            i.Id == id && i.CohortId == null && i.Email != null
        );
        if (invitation is null)
            return NotFound();
        if (invitation.StateAt(clock.GetUtcNow().UtcDateTime) != InvitationState.Open)
            return await ProblemAsync(
                "ResendInvite",
                $"The invitation to {invitation.Email} can't be used any more, so it was not sent again."
            );
        var me = CohortAccess.UserId(User)!;
        var inviter = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstAsync();
        InvitationMail.Send(messenger, db, invitation, inviter, null);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The invitation was sent to {invitation.Email} again, with the same link.";
        return Redirect($"/admin#inv-{invitation.Id}");
    }

    private async Task LoadFailuresAsync()
    {
        var failed = await db
            .Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Failed && o.UserId != null)
            .OrderByDescending(o => o.CreatedUtc)
            .Select(o => new { o.UserId, Failure = new Failure(o.CreatedUtc, o.Subject, o.LastError) })
            .Take(2000)
            .ToListAsync();
        Failures = failed.GroupBy(f => f.UserId!).ToDictionary(g => g.Key, g => g.First().Failure);
    }
}
