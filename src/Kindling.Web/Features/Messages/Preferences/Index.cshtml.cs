using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Preferences;

/// <summary>Per kind of message: by e-mail immediately, in a daily digest, or not at all. In-app always.</summary>
public class IndexModel(KindlingDb db) : PageModel
{
    /// <summary>The posted choice per kind, by the kind's name: <c>Choices[SessionReminder]=DailyDigest</c>.
    /// </summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];
    public Dictionary<MessageKind, EmailDelivery> Current { get; private set; } = [];
    public string Zone { get; private set; } = "UTC";
    public bool EmailConfirmed { get; private set; }

    private string UserId => CohortAccess.UserId(User)!;

    public static string FieldName(MessageKind kind) => $"Choices[{kind}]";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Current = await PreferenceStore.ForAsync(db, UserId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var chosen = new Dictionary<MessageKind, EmailDelivery>();
        foreach (var c in MessageKinds.Configurable)
        {
            var posted = Choices.GetValueOrDefault(c.Kind.ToString());
            if (
                posted is not null
                && !char.IsAsciiDigit(posted.FirstOrDefault())
                && Enum.TryParse<EmailDelivery>(posted, ignoreCase: false, out var delivery)
                && Enum.IsDefined(delivery)
            )
                chosen[c.Kind] = delivery;
            else
                ModelState.AddModelError(
                    FieldName(c.Kind),
                    $"Choose Immediately, Daily digest or Off for “{c.Label}”."
                );
        }
        if (!ModelState.IsValid)
        {
            // Show what is stored, and what was chosen validly; nothing is saved.
            Current = await PreferenceStore.ForAsync(db, UserId);
            foreach (var (kind, delivery) in chosen)
                Current[kind] = delivery;
            return Page();
        }
        var before = await PreferenceStore.ForAsync(db, UserId);
        foreach (var (kind, delivery) in chosen.Where(c => before[c.Key] != c.Value))
            await PreferenceStore.SetAsync(db, UserId, kind, delivery);
        TempData["Flash"] = "Your message settings are saved.";
        return Redirect("/account/messages");
    }

    private async Task LoadAsync()
    {
        var me = await db
            .Users.Where(u => u.Id == UserId)
            .Select(u => new { u.TimeZoneId, u.EmailConfirmed })
            .FirstAsync();
        (Zone, EmailConfirmed) = (me.TimeZoneId, me.EmailConfirmed);
    }
}
