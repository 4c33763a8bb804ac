using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Messages;

/// <summary>Wakes the outbox sender when a transaction that wrote messages commits.</summary>
public sealed class OutboxSignal : WakeSignal;
