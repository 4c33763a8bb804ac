using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Webhooks;

/// <summary>Wakes the webhook sender when a transaction that wrote deliveries commits.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>Pulses <see cref="WebhookSignal"/> once the rows are durable: never for a change that rolled
/// back.</summary>
public sealed class WebhookWatcher(WebhookSignal signal) : CommittedRowsWatcher<WebhookDelivery>
{
    protected override string KeyOf(WebhookDelivery row) => "webhooks";

    protected override void OnCommitted(IReadOnlyCollection<string> keys) => signal.Pulse();
}
