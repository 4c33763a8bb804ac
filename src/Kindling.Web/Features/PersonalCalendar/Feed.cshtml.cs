using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PersonalCalendar;

/// <summary>The person's own calendar feed: turn it on, see its secret address, reset it, turn it off.</summary>
public class FeedModel(KindlingDb db, PublicUrls urls) : PageModel
{
    public sealed record CohortRow(Guid Id, string Name, bool Listed);

    /// <summary>The subscription address; null while the feed is off.</summary>
    public string? FeedUrl { get; private set; }

    /// <summary>The cohorts the person takes part in, and whether the feed lists each one.</summary>
    public List<CohortRow> Cohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await MeAsync() is not { } me)
            return Challenge();
        FeedUrl = me.CalendarToken is { } token ? urls.For(PersonalFeed.Path(token)) : null;
        var listed = await PersonalFeed.CohortsAsync(db, me.Id, me.TwoFactorEnabled);
        Cohorts = await (
            from m in db.CohortMembers.WhereAdmitted()
            join c in db.Cohorts on m.CohortId equals c.Id
            where m.UserId == me.Id
            orderby c.Name
            select new CohortRow(c.Id, c.Name, listed.Contains(c.Id))
        ).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (await MeAsync() is not { } me)
            return Challenge();
        if (me.CalendarToken is not null)
            return Done("Your calendar feed was already on; nothing changed.");
        me.CalendarToken = PersonalFeed.NewToken();
        await db.SaveChangesAsync();
        return Done("Your calendar feed is on. Copy its address into your calendar app to subscribe.");
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await MeAsync() is not { } me)
            return Challenge();
        if (me.CalendarToken is null)
            return Done("Your calendar feed is off, so there was no address to reset. Turn it on to get one.");
        me.CalendarToken = PersonalFeed.NewToken();
        await db.SaveChangesAsync();
        return Done(
            "Your calendar feed has a new address. The old one stopped working: subscribe again with the new one."
        );
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        if (await MeAsync() is not { } me)
            return Challenge();
        if (me.CalendarToken is null)
            return Done("Your calendar feed was already off; nothing changed.");
        me.CalendarToken = null;
        await db.SaveChangesAsync();
        return Done("Your calendar feed is off. Calendars subscribed to it stop getting your sessions.");
    }

    private Task<AppUser?> MeAsync()
    {
        var id = CohortAccess.UserId(User);
        return id is null ? Task.FromResult<AppUser?>(null) : db.Users.FirstOrDefaultAsync(u => u.Id == id);
    }

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect("/account/calendar");
    }
}
