using Kindling.Domain;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// Wakes the outbox sender when a transaction that wrote messages commits (it also looks on its own).
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next <see cref="Pulse"/>; take it before looking, so a pulse meanwhile is kept.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked
            .Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult();
}
