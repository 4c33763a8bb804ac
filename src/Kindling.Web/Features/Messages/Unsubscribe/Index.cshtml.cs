using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages.Preferences;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Unsubscribe;

/// <summary>
/// The address in an e-mail's unsubscribe link. Opening it (GET) only asks; the button (POST) turns that kind of
/// e-mail off. The POST is also RFC 8058's one-click unsubscribe, which a mail program sends on its own, with no
/// cookie and no form token: the sealed token in the address is the whole authority, so no sign-in is needed and
/// the anti-forgery check does not apply.
/// </summary>
[IgnoreAntiforgeryToken, ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(KindlingDb db, UnsubscribeLinks links) : PageModel
{
    public const string InvalidLink =
        "This unsubscribe link is not valid. It may have been cut short when it was copied from the e-mail: open it "
        + "from the e-mail again, or sign in and choose which messages you get under Profile › Messages.";
    public const string AccountGone = "The account this link was made for no longer exists, so it gets no e-mail.";

    [FromRoute]
    public string Token { get; set; } = "";
    public string? Problem { get; private set; }

    /// <summary>"e-mails about session reminders", "daily digest e-mails".</summary>
    public string What { get; private set; } = "";
    public bool AlreadyOff { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ReadAsync() is not { } target)
            return Refuse();
        AlreadyOff =
            target.Kind == MessageKind.Digest
                ? !await DigestKinds(target.UserId).AnyAsync()
                : await db.NotificationPreferences.AnyAsync(p =>
                    p.UserId == target.UserId && p.Kind == target.Kind && p.Delivery == EmailDelivery.Off
                );
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ReadAsync() is not { } target)
            return Refuse();
        if (target.Kind == MessageKind.Digest)
            foreach (var kind in await DigestKinds(target.UserId).Select(p => p.Kind).ToListAsync())
                await PreferenceStore.SetAsync(db, target.UserId, kind, EmailDelivery.Off);
        else
            await PreferenceStore.SetAsync(db, target.UserId, target.Kind, EmailDelivery.Off);
        Done = true;
        return Page();
    }

    private IQueryable<NotificationPreference> DigestKinds(string userId) =>
        db.NotificationPreferences.Where(p => p.UserId == userId && p.Delivery == EmailDelivery.DailyDigest);

    private async Task<(string UserId, MessageKind Kind)?> ReadAsync()
    {
        if (!links.TryRead(Token, out var userId, out var kind))
        {
            Problem = InvalidLink;
            return null;
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId))
        {
            Problem = AccountGone;
            return null;
        }
        What = kind == MessageKind.Digest ? "daily digest e-mails" : "e-mails about " + MessageKinds.Label(kind);
        return (userId, kind);
    }

    /// <summary>A readable page that says why, with 404: nothing was changed.</summary>
    private PageResult Refuse()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        PagesSetup.MarkPrivate(Response);
        return Page();
    }
}
