namespace Kindling.Web.Infrastructure;

/// <summary>
/// A background job that runs every <see cref="Every"/> on the injected clock, and keeps running when a round fails.
/// Each round waits a fresh delay rather than a PeriodicTimer: moving a test's fake clock by days would otherwise fire
/// the periodic timer once per elapsed period (172,800 rounds for two days of one-second ticks).
/// </summary>
public abstract class ClockedJob(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Every { get; }

    /// <summary>What a round does, in words for the log when it fails.</summary>
    protected abstract string Doing { get; }

    protected abstract Task RunOnceAsync();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, Clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await RunOnceAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Doing} failed; will retry", Doing);
            }
        }
    }
}
