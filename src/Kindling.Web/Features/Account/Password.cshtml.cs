using System.ComponentModel.DataAnnotations;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Account;

public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), Display(Name = "Current password"), StringLength(128)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), Display(Name = "New password"),
     StringLength(128, MinimumLength = 12, ErrorMessage = "The new password must be 12 to 128 characters long.")]
    public string New { get; set; } = "";

    [BindProperty, Compare(nameof(New), ErrorMessage = "The two new passwords don't match."), DataType(DataType.Password), Display(Name = "New password again")]
    public string Confirm { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : nameof(New),
                    e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password is changed. Other devices signed in with the old one are signed out.";
        return Redirect("/account/profile");
    }
}
