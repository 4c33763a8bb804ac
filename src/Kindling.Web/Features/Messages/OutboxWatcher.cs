using Kindling.Domain;

namespace Kindling.Web.Features.Messages;

/// <summary>Wakes the outbox sender once a transaction that wrote messages has committed.</summary>
public sealed class OutboxWatcher(OutboxSignal signal) : CommittedRowsWatcher<OutboxMessage>
{
    protected override string KeyOf(OutboxMessage row) => "outbox";

    protected override void OnCommitted(IReadOnlyCollection<string> keys) => signal.Pulse();
}
