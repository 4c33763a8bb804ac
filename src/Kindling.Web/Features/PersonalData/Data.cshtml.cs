using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.PersonalData;

/// <summary>Download everything Kindling holds about you; delete your account.</summary>
[EnableRateLimiting(RateLimits.Export)]
public class DataModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountDeletion deletion,
    TimeProvider clock
) : PageModel
{
    [
        BindProperty,
        DataType(DataType.Password),
        Display(Name = "Your password"),
        StringLength(128, ErrorMessage = "That password is longer than any Kindling password; check it and try again.")
    ]
    public string? Password { get; set; }

    [BindProperty, Display(Name = "I understand that my account is deleted for good and can't be brought back")]
    public bool Confirm { get; set; }

    public AccountDeletion.Check Check { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Check = await deletion.CheckAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(
        [FromServices] PersonalDataZip zip,
        [FromServices] PublicUrls urls
    )
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var bytes = await zip.BuildAsync(user.Id, $"Kindling at {urls.Base}");
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(bytes, "application/zip", $"kindling-data-{day}.zip");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await users.IsLockedOutAsync(user))
            return await SignOutLockedAsync(user);
        if (!Confirm)
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm you want your account deleted.");
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), "Enter your password, so we know it is you.");
        else if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Password))
        {
            // Wrong guesses count toward the same lockout as at sign-in, so a stolen session can't guess freely.
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
                return await SignOutLockedAsync(user);
            ModelState.AddModelError(
                nameof(Password),
                "That password is not right; nothing was deleted. After 5 wrong tries in a row the account is locked "
                    + "for 15 minutes."
            );
        }
        if (!ModelState.IsValid)
            return await ShowAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        var check = await deletion.DeleteAsync(user);
        if (check.Refusals.Count > 0)
        {
            foreach (var reason in check.Refusals)
                ModelState.AddModelError("", reason);
            return await ShowAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/account/deleted");
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        Password = null;
        Check = await deletion.CheckAsync(user);
        return Page();
    }

    /// <summary>Ends every session of the account (a new security stamp) and says why at the sign-in page.</summary>
    private async Task<IActionResult> SignOutLockedAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Flash"] =
            "The password was wrong too many times, so you are signed out everywhere and the account is locked for "
            + "15 minutes. Nothing was deleted.";
        return Redirect("/account/signin");
    }
}
