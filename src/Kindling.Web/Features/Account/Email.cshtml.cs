using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

/// <summary>The account's address: its confirmation, and a change that takes effect only once the new address is
/// confirmed.</summary>
[EnableRateLimiting(RateLimits.Account)]
public class EmailModel(UserManager<AppUser> users, AccountMail mail, KindlingDb db) : PageModel
{
    /// <summary>Where the address waiting for confirmation is kept (Identity's token store, one row per
    /// account).</summary>
    public const string TokenProvider = "Kindling";
    public const string PendingToken = "PendingEmail";

    public string Current { get; private set; } = "";
    public bool Confirmed { get; private set; }
    public string? Pending { get; private set; }

    [
        BindProperty,
        Required(ErrorMessage = "Enter the new e-mail address."),
        EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org."),
        StringLength(200, ErrorMessage = "The e-mail address can be at most 200 characters."),
        Display(Name = "New e-mail address")
    ]
    public string NewEmail { get; set; } = "";

    [
        BindProperty,
        Required(ErrorMessage = "Enter your password: changing the address needs it."),
        DataType(DataType.Password),
        Display(Name = "Your password"),
        StringLength(128)
    ]
    public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        return await LoadAsync() is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (user.EmailConfirmed)
            TempData["Flash"] = $"{user.Email} is already confirmed; nothing was sent.";
        else
        {
            await mail.ConfirmationAsync(user);
            await db.SaveChangesAsync();
            TempData["Flash"] = $"We sent a new confirmation link to {user.Email}. It works for three days.";
        }
        return Redirect("/account/profile");
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        var user = await LoadAsync();
        if (user is null)
            return Challenge();
        if (!ModelState.IsValid)
            return Page();
        var email = NewEmail.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
            return Refuse(nameof(NewEmail), $"{user.Email} is already your address; nothing changed.");
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
            return Refuse(
                nameof(NewEmail),
                $"Another account already uses {email}. Each address belongs to one account; choose another."
            );
        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, Password))
        {
            await users.AccessFailedAsync(user);
            return Refuse(
                nameof(Password),
                "The password is not right; the address was not changed. After 5 wrong tries in a row the account "
                    + "is locked for 15 minutes."
            );
        }
        await users.ResetAccessFailedCountAsync(user);
        await mail.AddressChangeAsync(user, email);
        await users.SetAuthenticationTokenAsync(user, TokenProvider, PendingToken, email);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"We sent a confirmation link to {email}. Your address stays {user.Email} until that link is opened.";
        return Redirect("/account/email");
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return null;
        Current = user.Email ?? "";
        Confirmed = user.EmailConfirmed;
        Pending = await users.GetAuthenticationTokenAsync(user, TokenProvider, PendingToken);
        return user;
    }
}
