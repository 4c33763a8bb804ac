using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Account;

/// <summary>Two-factor sign-in with an authenticator app (TOTP): set up, recovery codes, turn off.</summary>
[EnableRateLimiting(RateLimits.Account)]
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, KindlingDb db) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public sealed record CohortLink(Guid Id, string Name);

    public bool Enabled { get; private set; }
    public int CodesLeft { get; private set; }

    /// <summary>The key in groups of four for typing, and the otpauth:// address a QR code carries; null until set-up
    /// starts.</summary>
    public string? Key { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    /// <summary>Cohorts that ask the person, as a facilitator, for two-factor sign-in.</summary>
    public List<CohortLink> RequiredBy { get; private set; } = [];

    [BindProperty, Display(Name = "Code from the app"), StringLength(20)]
    public string? Code { get; set; }

    [BindProperty, DataType(DataType.Password), Display(Name = "Your password"), StringLength(128)]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>Makes the secret key the app will share. A new key changes the security stamp, so this browser's
    /// sign-in is renewed with it.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return Redirect("/account/two-factor#setup");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
            return Challenge();
        if (Enabled || Key is null)
            return Redirect("/account/two-factor");
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (
            code.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
        )
        {
            ModelState.AddModelError(
                nameof(Code),
                "That code doesn't match. Type the 6 digits the app shows now; if it keeps failing, check that the "
                    + "phone's clock is set automatically."
            );
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Two-factor sign-in is on. From now on, signing in asks for a code from your app.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null)
            return Challenge();
        if (!Enabled)
            return Redirect("/account/two-factor");
        NewCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
            return Challenge();
        if (!Enabled)
            return Redirect("/account/two-factor");
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(
                nameof(Password),
                "Too many wrong passwords: the account is locked for 15 minutes. Two-factor sign-in stays on."
            );
            return Page();
        }
        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(
                nameof(Password),
                "The password is not right; two-factor sign-in stays on. Wrong tries count toward the 15-minute "
                    + "lockout."
            );
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // turning it on again pairs a new key
        await users.ResetAccessFailedCountAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] =
            "Two-factor sign-in is off: your password alone signs you in. You can remove Kindling from your app.";
        return Redirect("/account/two-factor");
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return null;
        Enabled = user.TwoFactorEnabled;
        CodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        var key = Enabled ? null : await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key))
        {
            Key = Authenticator.FormatKey(key);
            AuthenticatorUri = Authenticator.Uri(user.Email ?? user.DisplayName, key);
        }
        RequiredBy = await db
            .Cohorts.Where(c =>
                c.RequireTwoFactorForFacilitators
                && c.Members.Any(m => m.UserId == user.Id && m.Role == CohortRole.Facilitator)
            )
            .OrderBy(c => c.Name)
            .Select(c => new CohortLink(c.Id, c.Name))
            .ToListAsync();
        return user;
    }
}
