using Kindling.Domain;
using Kindling.Web.Features.Messages;

namespace Kindling.Web.Features.Webhooks;

/// <summary>Wakes the webhook sender when a transaction that wrote deliveries commits (it also looks on its
/// own).</summary>
public sealed class WebhookSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>; take it before looking, so a pulse meanwhile is
    /// kept.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked
            .Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult();
}

/// <summary>Pulses <see cref="WebhookSignal"/> once the rows are durable: never for a change that rolled
/// back.</summary>
public sealed class WebhookWatcher(WebhookSignal signal) : CommittedRowsWatcher<WebhookDelivery>
{
    protected override string KeyOf(WebhookDelivery row) => "webhooks";

    protected override void OnCommitted(IReadOnlyCollection<string> keys) => signal.Pulse();
}
