using System.ComponentModel.DataAnnotations;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

[EnableRateLimiting(RateLimits.Account)]
public class ResetModel(UserManager<AppUser> users) : PageModel
{
    public const string Spent =
        "This reset link has expired or was already used. Each link works once, for an hour. Ask for a new one below.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [
        BindProperty,
        Required(ErrorMessage = "Enter a new password."),
        DataType(DataType.Password),
        Display(Name = "New password"),
        StringLength(128, MinimumLength = 12, ErrorMessage = "The new password must be 12 to 128 characters long.")
    ]
    public string New { get; set; } = "";

    [
        BindProperty,
        Compare(nameof(New), ErrorMessage = "The two new passwords don't match."),
        DataType(DataType.Password),
        Display(Name = "Type the password again")
    ]
    public string Confirm { get; set; } = "";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        if (
            user is null
            || !await users.VerifyUserTokenAsync(
                user,
                users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AppUser>.ResetPasswordTokenPurpose,
                Token!
            )
        )
            return Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null)
            return Refuse();
        if (!ModelState.IsValid)
            return Page();
        // Opening the link proved the address too.
        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, Token!, New);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            return Refuse();
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(nameof(New), e.Description);
            return Page();
        }
        // A short lockout after wrong passwords ends with the reset; an account an admin disabled stays disabled.
        if (!DisabledAccounts.IsDisabled(user))
            await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] =
            "Your new password is set, and every device signed in with the old one is signed out. "
            + "Sign in with the new password.";
        return Redirect("/account/signin");
    }

    private async Task<AppUser?> FindAsync() =>
        string.IsNullOrEmpty(UserId) || UserId.Length > 64 || string.IsNullOrEmpty(Token) || Token.Length > 2000
            ? null
            : await users.FindByIdAsync(UserId);

    private PageResult Refuse()
    {
        Problem = Spent;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
