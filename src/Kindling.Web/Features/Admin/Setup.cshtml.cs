using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Account;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Admin;

[EnableRateLimiting(RateLimits.Account)]
public class SetupModel(
    KindlingDb db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    FirstAdminSetup setup,
    AccountMail mail,
    TimeProvider clock
) : PageModel
{
    [BindProperty]
    public NewAccount Input { get; set; } = new();
    public bool Valid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Valid = await FirstAdminSetup.IsValidAsync(db, token);
        if (!Valid)
            Response.StatusCode = 404;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Valid = await FirstAdminSetup.IsValidAsync(db, token);
        if (!Valid)
        {
            Response.StatusCode = 404;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        await using var tx = await db.Database.BeginTransactionAsync();
        var user = await Accounts.CreateAsync(users, Input, clock, ModelState);
        if (user is null)
            return Page();
        await users.AddToRolesAsync(user, [InstanceRoles.Admin, InstanceRoles.Facilitator]);
        db.SetupTokens.RemoveRange(db.SetupTokens);
        await mail.ConfirmationAsync(user);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        setup.Consumed();
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] =
            "Welcome! Your admin account is ready. Create facilitators from the Admin page, or start a cohort.";
        return Redirect("/");
    }
}
