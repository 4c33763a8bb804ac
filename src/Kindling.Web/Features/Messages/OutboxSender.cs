using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// Delivers the outbox. A message is claimed with a conditional update (so two instances never send the same one),
/// sent, then marked sent; a failure is retried with back-off until <see cref="MailOptions.MaxAttempts"/>, a refusal
/// (a bounce) is marked failed at once. A sender that dies mid-send leaves a claim that lapses, and the message goes
/// again: delivery is at least once, and the Message-ID stays the same so mail programs can tell.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> log
) : BackgroundService
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private const int Batch = 50;

    public static TimeSpan BackOff(int attempts) =>
        attempts switch
        {
            <= 1 => TimeSpan.FromMinutes(1),
            2 => TimeSpan.FromMinutes(5),
            3 => TimeSpan.FromMinutes(15),
            4 => TimeSpan.FromMinutes(60),
            _ => TimeSpan.FromHours(4),
        };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DrainLoop.RunAsync(
            () => signal.Next,
            RunOnceAsync,
            Batch,
            TimeSpan.FromSeconds(options.Value.PollSeconds),
            clock,
            e => LogRoundFailed(log, e),
            stoppingToken
        );

    /// <summary>Sends what is due now; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
            return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db
            .Outbox.Where(m =>
                m.State == OutboxState.Pending
                && m.NextAttemptUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now)
            )
            .OrderBy(m => m.NextAttemptUtc)
            .Select(m => m.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        IMailConversation? conversation = null;
        try
        {
            foreach (var id in due)
            {
                var until = now + ClaimFor;
                var claimed = await db
                    .Outbox.Where(m =>
                        m.Id == id
                        && m.State == OutboxState.Pending
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now)
                    )
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), ct);
                if (claimed == 0)
                    continue;
                var row = await db
                    .Outbox.AsNoTracking()
                    .Where(m => m.Id == id)
                    .Select(m => new
                    {
                        m.Mime,
                        m.CreatedUtc,
                        m.Attempts,
                    })
                    .FirstAsync(ct);
                SendOutcome outcome;
                try
                {
                    conversation ??= await transport.OpenAsync(ct);
                    outcome = await conversation.SendAsync(id, row.CreatedUtc, row.Mime, ct);
                }
                catch (Exception e) when (SmtpTransport.IsConnectionFailure(e))
                {
                    outcome = new SendOutcome(SendResult.Retry, $"Could not reach the mail server: {e.Message}");
                    if (conversation is not null)
                        await conversation.DisposeAsync();
                    conversation = null;
                }
                await RecordAsync(db, id, row.Attempts + 1, outcome, ct);
            }
        }
        finally
        {
            if (conversation is not null)
                await conversation.DisposeAsync();
        }
        return due.Count;
    }

    private async Task RecordAsync(KindlingDb db, Guid id, int attempts, SendOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Outbox.Where(m => m.Id == id);
        if (outcome.Result == SendResult.Sent)
        {
            await q.ExecuteUpdateAsync(
                s =>
                    s.SetProperty(m => m.State, OutboxState.Sent)
                        .SetProperty(m => m.SentUtc, now)
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None
            );
            return;
        }
        var givingUp = outcome.Result == SendResult.Refused || attempts >= options.Value.MaxAttempts;
        var error = Text.Clip(outcome.Error ?? "Unknown failure.", 1000);
        var next = now + BackOff(attempts);
        LogNotSent(log, id, attempts, error);
        await q.ExecuteUpdateAsync(
            s =>
                s.SetProperty(m => m.State, givingUp ? OutboxState.Failed : OutboxState.Pending)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptUtc, next)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, error),
            CancellationToken.None
        );
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} not sent (attempt {Attempts}): {Error}")]
    private static partial void LogNotSent(ILogger log, Guid id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender's round failed; it will try again.")]
    private static partial void LogRoundFailed(ILogger log, Exception e);
}
