using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Invitations;

[EnableRateLimiting(RateLimits.Send)]
public class CohortInvitationsModel(KindlingDb db, TimeProvider clock, PublicUrls urls, Messenger messenger)
    : CohortPageModel
{
    public sealed record Row(
        Guid Id,
        string Url,
        CohortRole Role,
        bool SingleUse,
        int Uses,
        InvitationState State,
        DateTime ExpiresUtc,
        DateTime CreatedUtc,
        string? Email
    );

    protected override bool FacilitatorsOnly => true;

    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    [BindProperty]
    public MailInvitationInput Mail { get; set; } = new();
    public List<Row> Invitations { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        InvitationLinks.ReplaceDaysBindingError(ModelState, "Input.ExpiresInDays");
        if (!CohortRoles.TryParse(Input.Role, out var role))
            ModelState.AddModelError("Input.Role", CohortRoles.ChooseRoleMessage);
        if (Input.Uses is not ("single" or "multi"))
            ModelState.AddModelError("Input.Uses", "Choose whether the link works once or for several people.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = InvitationLinks.Create(
            CohortId,
            role,
            Input.Uses == "single",
            Input.ExpiresInDays!.Value,
            Access.Member.UserId,
            now
        );
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Invitation created. Copy its link below and send it to the people you want to invite.";
        return Redirect($"/cohorts/{CohortId}/invitations#inv-{invitation.Id}");
    }

    /// <summary>One single-use invitation per address, each mailed in the same save; a bad address sends
    /// none.</summary>
    public async Task<IActionResult> OnPostMailAsync()
    {
        InvitationLinks.ReplaceDaysBindingError(ModelState, "Mail.ExpiresInDays");
        if (!CohortRoles.TryParse(Mail.Role, out var role))
            ModelState.AddModelError("Mail.Role", CohortRoles.ChooseRoleMessage);
        var (addresses, errors) = InvitationMail.Parse(Mail.Addresses);
        foreach (var error in errors)
            ModelState.AddModelError("Mail.Addresses", error);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var inviter = await db.Users.Where(u => u.Id == Access.Member.UserId).Select(u => u.DisplayName).FirstAsync();
        foreach (var address in addresses)
        {
            var invitation = InvitationLinks.Create(
                CohortId,
                role,
                singleUse: true,
                Mail.ExpiresInDays!.Value,
                Access.Member.UserId,
                now
            );
            invitation.Email = address;
            db.Invitations.Add(invitation);
            InvitationMail.Send(messenger, db, invitation, inviter, Access.Cohort);
        }
        await db.SaveChangesAsync();
        TempData["Flash"] =
            addresses.Count == 1
                ? $"Invitation sent to {addresses[0]}."
                : $"{addresses.Count} invitations sent, one to each address.";
        return Redirect($"/cohorts/{CohortId}/invitations");
    }

    /// <summary>Mails the same link again (a new message; the invitation and its expiry are unchanged).</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i =>
            i.Id == id && i.CohortId == CohortId && i.Email != null
        );
        if (invitation is null)
            return NotFound();
        if (invitation.StateAt(clock.GetUtcNow().UtcDateTime) != InvitationState.Open)
        {
            ModelState.AddModelError(
                "Resend",
                $"The invitation to {invitation.Email} can't be used any more, so it was not sent again. Send a new "
                    + "one."
            );
            await LoadAsync();
            return Page();
        }
        var inviter = await db.Users.Where(u => u.Id == Access.Member.UserId).Select(u => u.DisplayName).FirstAsync();
        InvitationMail.Send(messenger, db, invitation, inviter, Access.Cohort);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The invitation was sent to {invitation.Email} again, with the same link.";
        return Redirect($"/cohorts/{CohortId}/invitations#inv-{invitation.Id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.CohortId == CohortId);
        if (invitation is null)
            return NotFound();
        if (invitation.RevokedUtc is not null)
        {
            ModelState.AddModelError("Revoke", "This invitation was already revoked; nothing changed.");
            await LoadAsync();
            return Page();
        }
        invitation.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = "Invitation revoked. The link no longer works; people who already joined stay members.";
        return Redirect($"/cohorts/{CohortId}/invitations");
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db
            .Invitations.AsNoTracking()
            .Where(i => i.CohortId == CohortId)
            .OrderByDescending(i => i.CreatedUtc)
            .ToListAsync();
        Invitations = list.Select(i => new Row(
                i.Id,
                InvitationLinks.Url(urls, i.Token),
                i.Role,
                i.MaxUses == 1,
                i.Uses,
                i.StateAt(now),
                i.ExpiresUtc,
                i.CreatedUtc,
                i.Email
            ))
            .ToList();
    }
}
