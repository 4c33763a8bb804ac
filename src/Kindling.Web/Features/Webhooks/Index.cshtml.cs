using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Webhooks;

/// <summary>The form that adds a webhook: where to post, and which events.</summary>
public sealed class WebhookInput
{
    public string? Url { get; set; }
    public List<string> Events { get; set; } = [];
}

/// <summary>A cohort's webhooks, and adding one. Facilitators only: the page leads to the signing secrets.</summary>
[EnableRateLimiting(RateLimits.Send)] // adding one looks the address up
public class IndexModel(KindlingDb db, IOptions<WebhookOptions> options, TimeProvider clock) : CohortPageModel
{
    public const int MaxPerCohort = 10;

    public sealed record Row(Guid Id, string Url, string Events, bool Active, WebhookDeliveryState? Last, DateTime? At);

    protected override bool FacilitatorsOnly => true;
    public bool AllowPrivate => options.Value.AllowPrivateAddresses;
    public List<Row> Webhooks { get; private set; } = [];

    [BindProperty]
    public WebhookInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        Input.Events = [.. CohortEventNames.Chosen];
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Webhooks.CountAsync(w => w.CohortId == CohortId, ct) >= MaxPerCohort)
            ModelState.AddModelError("", $"A cohort can have at most {MaxPerCohort} webhooks; delete one first.");
        var error = WebhookAddresses.ShapeError(Input.Url, AllowPrivate, out var uri);
        if (error is null && uri is not null)
            error = await WebhookAddresses.HostErrorAsync(uri, AllowPrivate, ct);
        if (error is not null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Url)}", error);
        var chosen = CohortEventNames.Chosen.Where(Input.Events.Contains).ToList();
        if (chosen.Count == 0 || Input.Events.Except(CohortEventNames.Chosen).Any())
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(Input.Events)}",
                "Choose at least one event to send, from the list."
            );
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var hook = new Webhook
        {
            CohortId = CohortId,
            Url = Input.Url!.Trim(),
            Secret = WebhookSignature.NewSecret(),
            Events = string.Join(' ', chosen),
            CreatedById = Access.Member.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] =
            "Webhook added. Give its signing secret (below) to the receiving service so it can check each event, "
            + "then send a test event to see it arrive.";
        return Redirect($"/cohorts/{CohortId}/webhooks/{hook.Id}");
    }

    private async Task LoadAsync() =>
        Webhooks = await db
            .Webhooks.AsNoTracking()
            .Where(w => w.CohortId == CohortId)
            .OrderBy(w => w.CreatedUtc)
            .Select(w => new Row(
                w.Id,
                w.Url,
                w.Events,
                w.Active,
                db.WebhookDeliveries.Where(d => d.WebhookId == w.Id)
                    .OrderByDescending(d => d.CreatedUtc)
                    .Select(d => (WebhookDeliveryState?)d.State)
                    .FirstOrDefault(),
                db.WebhookDeliveries.Where(d => d.WebhookId == w.Id).Max(d => (DateTime?)d.CreatedUtc)
            ))
            .ToListAsync();
}
