using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Account;

/// <summary>
/// Opens the links of the confirmation e-mails: a new account's address, or (with <c>email</c>) a new address that
/// replaces the old one only now. Works without signing in, in whichever browser the mail is read.
/// </summary>
public class ConfirmModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public const string Spent =
        "This confirmation link has expired or was already used. Links work for three days; your profile page can "
        + "send a new one.";

    public string? Problem { get; private set; }
    public string Done { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? user, string? token, string? email)
    {
        var account =
            string.IsNullOrEmpty(user) || user.Length > 64 || string.IsNullOrEmpty(token) || token.Length > 2000
                ? null
                : await users.FindByIdAsync(user);
        if (account is null)
            return Refuse(Spent);
        if (email is null)
        {
            if (!(await users.ConfirmEmailAsync(account, token!)).Succeeded)
                return Refuse(Spent);
            Done = $"Thank you: {account.Email} is confirmed.";
            return Page();
        }
        // The address is also the sign-in name: both change together, and both must stay unique.
        var old = account.Email;
        account.UserName = email;
        var result = await users.ChangeEmailAsync(account, email, token!);
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            return Refuse(
                $"Another account started using {email} in the meantime, so your address stays {old}. Choose a "
                    + "different one on your profile."
            );
        if (!result.Succeeded)
            return Refuse(Spent);
        await users.RemoveAuthenticationTokenAsync(account, EmailModel.TokenProvider, EmailModel.PendingToken);
        // The change signed out the account's other sessions; this browser, if it is the person's, stays signed in.
        if (users.GetUserId(User) == account.Id)
            await signIn.RefreshSignInAsync(account);
        Done = $"Your address is now {email}. Sign in with it from now on.";
        return Page();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
