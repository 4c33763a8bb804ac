using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Invitations;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Admin;

/// <summary>Instance administration: who may facilitate, and single-use links that make a new person a
/// facilitator.</summary>
[EnableRateLimiting(RateLimits.Send)]
public partial class UsersModel(
    KindlingDb db,
    UserManager<AppUser> users,
    TimeProvider clock,
    PublicUrls urls,
    Messenger messenger
) : PageModel
{
    public sealed record UserRow(
        string Id,
        string Name,
        string? Email,
        bool EmailConfirmed,
        bool Disabled,
        DateTime CreatedUtc,
        List<string> Roles
    )
    {
        public bool IsAdmin => Roles.Contains(InstanceRoles.Admin);
        public bool IsFacilitator => Roles.Contains(InstanceRoles.Facilitator);
    }

    public sealed record InviteRow(Guid Id, string Url, DateTime ExpiresUtc, string? Email);

    [BindProperty]
    public int? ExpiresInDays { get; set; } = InvitationLinks.DefaultDays;

    [BindProperty]
    public MailInvitationInput Mail { get; set; } = new();
    public List<UserRow> Users { get; private set; } = [];
    public List<InviteRow> Invitations { get; private set; } = [];
    public string Zone { get; private set; } = "UTC";

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync(string? userId)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        if (await users.IsInRoleAsync(user, InstanceRoles.Facilitator))
            return await ProblemAsync("Grant", $"{user.DisplayName} is already a facilitator; nothing changed.");
        var result = await users.AddToRoleAsync(user, InstanceRoles.Facilitator);
        if (!result.Succeeded)
            return await ProblemAsync("Grant", "Kindling could not change the role; nothing was changed. Try again.");
        TempData["Flash"] =
            $"{user.DisplayName} can now start cohorts and edit curricula (from their next page, within a minute).";
        return Redirect("/admin");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? userId)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        if (await users.IsInRoleAsync(user, InstanceRoles.Admin))
            return await ProblemAsync(
                "Revoke",
                $"{user.DisplayName} is an admin, and admins can always facilitate; the role was not changed."
            );
        if (!await users.IsInRoleAsync(user, InstanceRoles.Facilitator))
            return await ProblemAsync("Revoke", $"{user.DisplayName} is not a facilitator; nothing changed.");
        var result = await users.RemoveFromRoleAsync(user, InstanceRoles.Facilitator);
        if (!result.Succeeded)
            return await ProblemAsync("Revoke", "Kindling could not change the role; nothing was changed. Try again.");
        // Signs the person's cookies out at their next check, so the role is gone promptly everywhere.
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] =
            $"{user.DisplayName} is no longer a facilitator. They keep their places in existing cohorts.";
        return Redirect("/admin");
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        InvitationLinks.ReplaceDaysBindingError(ModelState, nameof(ExpiresInDays));
        if (ExpiresInDays is not (>= InvitationLinks.MinDays and <= InvitationLinks.MaxDays))
            ModelState.AddModelError(nameof(ExpiresInDays), InvitationLinks.DaysMessage);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var invitation = InvitationLinks.Create(
            null,
            CohortRole.Facilitator,
            singleUse: true,
            ExpiresInDays!.Value,
            CohortAccess.UserId(User)!,
            clock.GetUtcNow().UtcDateTime
        );
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Facilitator invitation created. Copy its link below; it works for one person.";
        return Redirect($"/admin#inv-{invitation.Id}");
    }

    public async Task<IActionResult> OnPostRevokeInviteAsync(Guid id)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.CohortId == null);
        if (invitation is null)
            return NotFound();
        if (invitation.RevokedUtc is not null)
            return await ProblemAsync("RevokeInvite", "This invitation was already revoked; nothing changed.");
        invitation.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = "Facilitator invitation revoked; the link no longer works.";
        return Redirect("/admin");
    }

    private async Task<IActionResult> ProblemAsync(string key, string message)
    {
        ModelState.AddModelError(key, message);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var me = CohortAccess.UserId(User);
        Zone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }
        ).ToListAsync();
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var people = await db
            .Users.OrderBy(u => u.DisplayName)
            .ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.EmailConfirmed,
                u.LockoutEnd,
                u.CreatedUtc,
            })
            .ToListAsync();
        Users = people
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                u.EmailConfirmed,
                DisabledAccounts.IsDisabled(u.LockoutEnd),
                u.CreatedUtc,
                byUser[u.Id].Order().ToList()
            ))
            .ToList();
        await LoadFailuresAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db
            .Invitations.AsNoTracking()
            .Where(i => i.CohortId == null && i.RevokedUtc == null)
            .OrderByDescending(i => i.CreatedUtc)
            .ToListAsync();
        Invitations = pending
            .Where(i => i.StateAt(now) == InvitationState.Open)
            .Select(i => new InviteRow(i.Id, InvitationLinks.Url(urls, i.Token), i.ExpiresUtc, i.Email))
            .ToList();
    }
}
