using System.Globalization;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Backups;

/// <summary>
/// Keeps writing while a test takes a backup: notifications titled "written 000000", "written 000001", … each saved
/// in its own transaction through the running app's DbContext, one after the other, until disposed.
/// </summary>
public sealed class NumberedWriter : IAsyncDisposable
{
    public const string Prefix = "written ";
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _committed;

    public NumberedWriter(KindlingApp app, string userId) => _loop = Task.Run(() => WriteAsync(app, userId));

    /// <summary>How many are committed: rows 0 … Committed - 1 are in the database.</summary>
    public int Committed => Volatile.Read(ref _committed);

    public static int NumberOf(string title) => int.Parse(title[Prefix.Length..], CultureInfo.InvariantCulture);

    private async Task WriteAsync(KindlingApp app, string userId)
    {
        while (!_stop.IsCancellationRequested)
        {
            await app.WithDbAsync(db =>
            {
                db.Notifications.Add(
                    new Notification
                    {
                        UserId = userId,
                        Kind = MessageKind.AfterSession,
                        Title = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{_committed:D6}"),
                        Link = "/",
                        CreatedUtc = DateTime.UtcNow,
                    }
                );
                return db.SaveChangesAsync();
            });
            Interlocked.Increment(ref _committed);
            await Task.Delay(5); // a steady stream, not a loop that starves the backup process of the two cores
        }
    }

    public async Task WaitForAsync(int committed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Committed < committed)
        {
            if (_loop.IsFaulted)
                await _loop;
            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
