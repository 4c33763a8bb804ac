using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Invitations;

[EnableRateLimiting(RateLimits.Account)]
public class AcceptModel(InvitationRedeemer redeemer, UserManager<AppUser> users) : PageModel
{
    public string Token { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Token = token;
        var open = await redeemer.FindOpenAsync(token);
        Problem = open.Error;
        Description = open.Description;
        if (Problem is not null)
            Response.StatusCode = open.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Token = token;
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Redirect($"/account/signin?returnUrl={Uri.EscapeDataString("/invite/" + token)}");
        var result = await redeemer.RedeemAsync(token, user);
        if (result.Error is null)
            return Redirect(result.RedirectTo);
        Problem = result.Error;
        Response.StatusCode = 409;
        return Page();
    }
}
