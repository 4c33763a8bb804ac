using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Account;

public class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes any copied cookie of this session invalid at its next validation.
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Flash"] = "You are signed out.";
        return Redirect("/");
    }
}
