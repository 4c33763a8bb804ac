using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Admin;

/// <summary>
/// Makes a person one of the instance's safety contacts, or no longer one: they read the concern reports members send
/// past their cohort's facilitators. The toggle sits on the admin page; this page only answers its posts.
/// </summary>
public class SafetyContactModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync(string? userId, bool on)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        var already = await users.IsInRoleAsync(user, InstanceRoles.SafetyContact);
        if (already == on)
        {
            TempData["Flash"] =
                $"{user.DisplayName} {(on ? "is already" : "is not")} a safety contact; nothing changed.";
            return Redirect("/admin");
        }
        var result = on
            ? await users.AddToRoleAsync(user, InstanceRoles.SafetyContact)
            : await users.RemoveFromRoleAsync(user, InstanceRoles.SafetyContact);
        TempData["Flash"] =
            !result.Succeeded ? "Kindling could not change the role; nothing was changed. Try again."
            : on ? $"{user.DisplayName} is now a safety contact: members can send concern reports to them."
            : $"{user.DisplayName} is no longer a safety contact and can no longer open those reports.";
        return Redirect("/admin");
    }
}
