using System.ComponentModel.DataAnnotations;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Account;

[EnableRateLimiting(RateLimits.Account)]
public class ForgotModel(ResetRequests requests) : PageModel
{
    public const string Answer =
        "If an account uses this address, we sent a link to it. The link works once, for an hour. Nothing arrived? "
        + "Check the spam folder, or ask again in a few minutes.";

    [
        BindProperty,
        Required(ErrorMessage = "Enter the e-mail address of your account."),
        EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org."),
        StringLength(200, ErrorMessage = "The e-mail address can be at most 200 characters."),
        Display(Name = "E-mail")
    ]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet() { }

    /// <summary>The same work and the same answer for every address: the mail is looked up and sent after the
    /// response.</summary>
    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
            return Page();
        requests.Enqueue(Email.Trim());
        return Redirect("/account/forgot?sent=true");
    }
}
