using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Invitations;

[EnableRateLimiting(RateLimits.Send)]
public class CohortInvitationsModel(KindlingDb db, TimeProvider clock, PublicUrls urls) : CohortPageModel
{
    public sealed record Row(
        Guid Id,
        string Url,
        CohortRole Role,
        bool SingleUse,
        int Uses,
        InvitationState State,
        DateTime ExpiresUtc,
        DateTime CreatedUtc
    );

    protected override bool FacilitatorsOnly => true;

    [BindProperty]
    public InvitationInput Input { get; set; } = new();
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
                i.CreatedUtc
            ))
            .ToList();
    }
}
