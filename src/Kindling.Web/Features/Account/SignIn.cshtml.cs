using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher)
    : PageModel
{
    /// <summary>The one answer to every failed sign-in, so it tells nobody whether an account exists or is
    /// locked.</summary>
    public const string Refused =
        "That e-mail and password don't match an account, or the account is locked for 15 minutes after too many "
        + "wrong tries. Check both and try again.";

    private static string? _unknownAccountHash;

    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), Display(Name = "E-mail"), StringLength(200)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), StringLength(128)]
    public string Password { get; set; } = "";

    public const string Disabled =
        "This account is disabled by an admin of this Kindling, so it can't sign in. If you think that is a mistake, "
        + "ask them.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    private string Target => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByNameAsync(Email.Trim());
        if (user is not null && DisabledAccounts.IsDisabled(user))
        {
            // Said only to someone who knows the password: to everyone else a disabled account reads as any other.
            if (
                user.PasswordHash is not null
                && hasher.VerifyHashedPassword(user, user.PasswordHash, Password) != PasswordVerificationResult.Failed
            )
            {
                ModelState.AddModelError("", Disabled);
                return Page();
            }
        }
        else if (user is null || await users.IsLockedOutAsync(user))
        {
            // No password check happens here otherwise: hash anyway, so an unknown or locked account answers in the
            // same time.
            _unknownAccountHash ??= hasher.HashPassword(
                new AppUser(),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))
            );
            hasher.VerifyHashedPassword(new AppUser(), _unknownAccountHash, Password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
                return LocalRedirect(Target);
            if (result.RequiresTwoFactor)
                return Redirect($"/account/signin-2fa?returnUrl={Uri.EscapeDataString(Target)}");
        }
        ModelState.AddModelError("", Refused);
        return Page();
    }
}
