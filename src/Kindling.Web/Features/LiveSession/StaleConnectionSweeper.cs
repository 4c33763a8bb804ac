using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Once a minute, closes this instance's live connections whose sign-in is no longer valid (the account's security
/// stamp changed: signed out, password changed, removed). A stamp change closes them at once already (LiveEviction);
/// this catches a connection that only listens when that message could not reach this instance (Redis unreachable).
/// </summary>
public sealed class StaleConnectionSweeper(
    IServiceScopeFactory scopes,
    Presence presence,
    TimeProvider clock,
    IOptions<IdentityOptions> identity,
    ILogger<StaleConnectionSweeper> log
) : ClockedJob(clock, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan Every => Interval;
    protected override string Doing => "Checking live connections' sign-ins";

    protected override Task RunOnceAsync() => SweepAsync();

    public async Task<int> SweepAsync()
    {
        var claim = identity.Value.ClaimsIdentity;
        var connections = presence
            .Connections()
            .Select(c =>
                (
                    c.ConnectionId,
                    UserId: c.User?.FindFirst(claim.UserIdClaimType)?.Value,
                    Stamp: c.User?.FindFirst(claim.SecurityStampClaimType)?.Value
                )
            )
            .ToList();
        if (connections.Count == 0)
            return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var current = new Dictionary<string, string?>();
        foreach (var chunk in connections.Select(c => c.UserId).OfType<string>().Distinct().Chunk(500))
        foreach (
            var u in await db
                .Users.Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp })
                .ToListAsync()
        )
            current[u.Id] = u.SecurityStamp;
        var stale = connections
            .Where(c => c.UserId is null || c.Stamp is null || current.GetValueOrDefault(c.UserId) != c.Stamp)
            .ToList();
        foreach (var c in stale)
            presence.Close(c.ConnectionId);
        return stale.Count;
    }
}
