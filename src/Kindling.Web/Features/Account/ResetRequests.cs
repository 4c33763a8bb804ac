using System.Threading.Channels;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Kindling.Web.Features.Account;

/// <summary>
/// "Forgot your password?" requests, answered after the response: the page only queues the address, whether or not
/// an account uses it, so neither the answer nor its timing tells anyone which addresses have accounts. A restart
/// loses what is queued; the person asks again.
/// </summary>
public sealed class ResetRequests
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true }
    );

    public void Enqueue(string email) => _queue.Writer.TryWrite(email);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}

/// <summary>Mails a reset link to each queued address that belongs to an enabled account.</summary>
public sealed class ResetMailer(ResetRequests requests, IServiceScopeFactory scopes, ILogger<ResetMailer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await MailAsync(email);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "A password reset e-mail could not be queued.");
            }
        }
    }

    private async Task MailAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || DisabledAccounts.IsDisabled(user))
            return;
        await scope.ServiceProvider.GetRequiredService<AccountMail>().ResetAsync(user);
        await scope.ServiceProvider.GetRequiredService<KindlingDb>().SaveChangesAsync();
    }
}

public static class AccountSetup
{
    public static IServiceCollection AddAccount(this IServiceCollection services) =>
        services.AddScoped<AccountMail>().AddSingleton<ResetRequests>().AddHostedService<ResetMailer>();
}
