using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Invitations;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

/// <summary>Accounts are created only through an invitation: to a cohort, or (from an admin) to facilitate.</summary>
[EnableRateLimiting(RateLimits.Account)]
public class SignUpModel(
    KindlingDb db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    InvitationRedeemer redeemer,
    AccountMail mail,
    TimeProvider clock
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    [BindProperty]
    public NewAccount Input { get; set; } = new();
    public string? Problem { get; private set; }
    public string Describe { get; private set; } = "";

    /// <summary>The address an e-mailed invitation went to: filled in for the person.</summary>
    private string? _invitedEmail;

    public async Task<IActionResult> OnGetAsync()
    {
        if (signIn.IsSignedIn(User) && Invite is not null)
            return Redirect($"/invite/{Invite}");
        if (await CheckAsync() && _invitedEmail is not null)
            Input.Email = _invitedEmail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CheckAsync() || !ModelState.IsValid)
            return Page();
        await using var tx = await db.Database.BeginTransactionAsync();
        var user = await Accounts.CreateAsync(users, Input, clock, ModelState);
        if (user is null)
            return Page();
        var result = await redeemer.RedeemAsync(Invite!, user);
        if (result.Error is not null)
        {
            Problem = result.Error;
            return Page(); // the transaction is disposed without commit: no account without its invitation
        }
        if (!user.EmailConfirmed) // an invitation e-mailed to this very address confirmed it
        {
            await mail.ConfirmationAsync(user);
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(result.RedirectTo);
    }

    private async Task<bool> CheckAsync()
    {
        var invitation = await redeemer.FindOpenAsync(Invite);
        if (invitation.Error is not null)
        {
            Problem = invitation.Error;
            Response.StatusCode = invitation.Status;
            return false;
        }
        Describe = invitation.Description;
        _invitedEmail = invitation.Invitation?.Email;
        return true;
    }
}
