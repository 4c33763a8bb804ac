using System.ComponentModel.DataAnnotations;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Kindling.Web.Features.Account;

/// <summary>The second step of signing in, after the password: a code from the authenticator app or a recovery
/// code.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public const string Wrong =
        "That code is not right, or the account is locked for 15 minutes after too many wrong tries. Codes change "
        + "every 30 seconds: type the one your app shows now.";

    [
        BindProperty,
        Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code."),
        StringLength(40, ErrorMessage = "A code is 6 digits; a recovery code is 11 characters."),
        Display(Name = "Code")
    ]
    public string Code { get; set; } = "";

    [BindProperty, Display(Name = "Remember this browser for 14 days")]
    public bool RememberBrowser { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return StartAgain();
        if (!ModelState.IsValid)
            return Page();
        var code = new string(Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var byApp = code.Length == 6 && code.All(char.IsAsciiDigit);
        SignInResult result;
        if (await users.IsLockedOutAsync(user))
            result = SignInResult.LockedOut;
        else if (byApp)
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: true, RememberBrowser);
        else
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            // Identity counts wrong app codes toward the lockout; wrong recovery codes count the same here.
            if (!result.Succeeded && !result.IsLockedOut)
                await users.AccessFailedAsync(user);
        }
        if (result.Succeeded)
        {
            if (!byApp)
            {
                var left = await users.CountRecoveryCodesAsync(user);
                TempData["Flash"] =
                    $"You signed in with a recovery code, which now stops working; {left} are left. Make new ones on "
                    + "the two-factor page if you are running low.";
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError(nameof(Code), Wrong);
        return Page();
    }

    private RedirectResult StartAgain()
    {
        TempData["Flash"] = "Sign in again: the step for the second code took too long, or was not started here.";
        return Redirect("/account/signin" + (ReturnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(ReturnUrl)}"));
    }
}
