using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// The app's UserManager, and the one place every security-stamp change passes through (sign-out, password change or
/// reset, role and membership changes: Identity saves each through <see cref="UpdateUserAsync"/>). A new stamp ends the
/// person's other sign-ins at their next check; a live-room connection keeps the sign-in it was opened with, so those
/// are closed here, on every instance, as soon as the change is saved.
/// </summary>
public sealed class KindlingUserManager : UserManager<AppUser>
{
    private readonly IServiceProvider services;

    public KindlingUserManager(
        IUserStore<AppUser> store,
        IOptions<IdentityOptions> options,
        IPasswordHasher<AppUser> hasher,
        IEnumerable<IUserValidator<AppUser>> userValidators,
        IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
        ILookupNormalizer normalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<AppUser>> logger
    )
        : base(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger) =>
        this.services = services;

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var before = await StoredStampAsync(user);
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && before != user.SecurityStamp)
            await services.GetRequiredService<ILiveRooms>().EvictEverywhereAsync(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(AppUser user)
    {
        var result = await base.DeleteAsync(user);
        if (result.Succeeded)
            await services.GetRequiredService<ILiveRooms>().EvictEverywhereAsync(user.Id);
        return result;
    }

    /// <summary>The stamp as saved: the tracked account's original value, or else read from the database.</summary>
    private async Task<string?> StoredStampAsync(AppUser user)
    {
        var db = services.GetRequiredService<KindlingDb>();
        var entry = db.Entry(user);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
            return entry.Property(u => u.SecurityStamp).OriginalValue;
        return await db
            .Users.AsNoTracking()
            .Where(u => u.Id == user.Id)
            .Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync();
    }
}
