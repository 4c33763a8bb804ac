using System.ComponentModel.DataAnnotations;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

[EnableRateLimiting(RateLimits.Account)]
public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [
        BindProperty,
        Required(ErrorMessage = "Enter your current password."),
        DataType(DataType.Password),
        Display(Name = "Current password"),
        StringLength(128)
    ]
    public string Current { get; set; } = "";

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
        Display(Name = "New password again")
    ]
    public string Confirm { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (await users.IsLockedOutAsync(user))
            return await SignOutLockedAsync(user);
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            // Wrong guesses here count toward the same lockout as at sign-in, so a stolen session can't guess freely.
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
                return await SignOutLockedAsync(user);
            ModelState.AddModelError(
                nameof(Current),
                "The current password is not right. After 5 wrong tries in a row the account is locked for 15 minutes."
            );
            return Page();
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(nameof(New), e.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password is changed. Other devices signed in with the old one are signed out.";
        return Redirect("/account/profile");
    }

    /// <summary>Ends every session of the account (a new security stamp) and says why at the sign-in page.</summary>
    private async Task<IActionResult> SignOutLockedAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Flash"] =
            "The current password was wrong too many times, so you are signed out everywhere and the account is "
            + "locked for 15 minutes.";
        return Redirect("/account/signin");
    }
}
