using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Webhooks;

/// <summary>One webhook: its signing secret, pausing, a test event, deleting, and its delivery log (newest
/// first, a page at a time).</summary>
[EnableRateLimiting(RateLimits.Send)] // the test event posts to another site
public class WebhookModel(KindlingDb db, WebhookEvents events, WebhookSignal signal) : CohortPageModel
{
    public const int PageSize = 25;

    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public Guid WebhookId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Webhook Hook { get; private set; } = null!;
    public List<WebhookDelivery> Deliveries { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasOlder => PageNumber * PageSize < Total;
    public string Here => $"/cohorts/{CohortId}/webhooks/{WebhookId}";

    /// <summary>What the heading names: the host alone (a receiver's path can hold its own token).</summary>
    public string Host => Uri.TryCreate(Hook.Url, UriKind.Absolute, out var u) ? u.Host : Hook.Url;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } hook)
            return NotFound();
        Hook = hook;
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        var log = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == WebhookId);
        Total = await log.CountAsync();
        // The payloads stay in the database; the log needs only the envelope.
        Deliveries = await log.OrderByDescending(d => d.CreatedUtc)
            .ThenByDescending(d => d.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(d => new WebhookDelivery
            {
                Id = d.Id,
                Event = d.Event,
                State = d.State,
                Attempts = d.Attempts,
                CreatedUtc = d.CreatedUtc,
                NextAttemptUtc = d.NextAttemptUtc,
                DeliveredUtc = d.DeliveredUtc,
                LastStatus = d.LastStatus,
                LastError = d.LastError,
            })
            .ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active)
    {
        if (await Mine().ExecuteUpdateAsync(s => s.SetProperty(w => w.Active, active)) == 0)
            return NotFound();
        if (active)
            signal.Pulse(); // what waited while it was paused is due now
        TempData["Flash"] = active
            ? "Resumed: events are sent again, starting with those that waited."
            : "Paused: new events wait here, unsent, until you resume the webhook.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostSecretAsync()
    {
        var secret = WebhookSignature.NewSecret();
        if (await Mine().ExecuteUpdateAsync(s => s.SetProperty(w => w.Secret, secret)) == 0)
            return NotFound();
        TempData["Flash"] =
            "A new secret signs every event from now on, retries included. Give it to the receiving service.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (await FindAsync() is not { } hook)
            return NotFound();
        if (!hook.Active)
        {
            TempData["Flash"] = "This webhook is paused. Resume it to send a test event.";
            return Redirect(Here);
        }
        var data = new { message = "A test event from Kindling: this webhook works." };
        db.WebhookDeliveries.Add(events.New(hook.Id, CohortId, Access.Cohort.Name, CohortEventNames.Ping, data));
        await db.SaveChangesAsync();
        TempData["Flash"] = "A test event is on its way; the log below shows how it went (reload in a moment).";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await Mine().ExecuteDeleteAsync() == 0)
            return NotFound();
        TempData["Flash"] = "The webhook and its delivery log were deleted; nothing more is sent to it.";
        return Redirect($"/cohorts/{CohortId}/webhooks");
    }

    private IQueryable<Webhook> Mine() => db.Webhooks.Where(w => w.Id == WebhookId && w.CohortId == CohortId);

    private Task<Webhook?> FindAsync() => Mine().AsNoTracking().FirstOrDefaultAsync();
}
