namespace Kindling.Web.Infrastructure;

/// <summary>
/// Wakes a <see cref="DrainLoop"/> when a transaction that wrote its rows commits (it also looks on its own). Each
/// outbox has its own subclass, so each sender is woken by its own rows only.
/// </summary>
public abstract class WakeSignal
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
