namespace Kindling.Web.Infrastructure;

/// <summary>
/// The loop of a durable outbox's sender (e-mail, webhooks): work through what is due in batches until a batch comes
/// back short, then sleep until a commit wakes it (it wrote new rows) or the poll interval passes on the injected clock
/// (retries come due, another instance wrote rows). A failed round is logged and the loop goes on.
/// </summary>
public static class DrainLoop
{
    /// <param name="wake">The signal to wait for, taken before each round so a commit during the round is not
    /// missed.</param>
    /// <param name="round">One batch; returns how many rows it looked at.</param>
    public static async Task RunAsync(
        Func<Task> wake,
        Func<CancellationToken, Task<int>> round,
        int batch,
        TimeSpan poll,
        TimeProvider clock,
        Action<Exception> failed,
        CancellationToken stop
    )
    {
        while (!stop.IsCancellationRequested)
        {
            var woken = wake();
            try
            {
                while (await round(stop) == batch) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
            }
            try
            {
                await Task.WhenAny(woken, Task.Delay(poll, clock, stop)).WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
