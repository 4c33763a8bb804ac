using System.Text.Encodings.Web;
using System.Text.Json;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Webhooks;

/// <summary>One delivery of the log, with the payload it posts.</summary>
public class DeliveryModel(KindlingDb db) : CohortPageModel
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // shown HTML-encoded, never as markup
    };

    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public Guid WebhookId { get; set; }

    [FromRoute]
    public Guid DeliveryId { get; set; }

    public WebhookDelivery Row { get; private set; } = new();
    public string Address { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public string Back => $"/cohorts/{CohortId}/webhooks/{WebhookId}";

    public async Task<IActionResult> OnGetAsync()
    {
        var found = await db
            .WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == DeliveryId && d.WebhookId == WebhookId)
            .Join(
                db.Webhooks.Where(w => w.CohortId == CohortId),
                d => d.WebhookId,
                w => w.Id,
                (d, w) => new { Delivery = d, w.Url }
            )
            .FirstOrDefaultAsync();
        if (found is null)
            return NotFound();
        (Row, Address) = (found.Delivery, found.Url);
        using var json = JsonDocument.Parse(Row.Payload);
        Payload = JsonSerializer.Serialize(json.RootElement, Readable);
        return Page();
    }
}
