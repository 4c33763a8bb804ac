using Kindling.Domain;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// An admin disables an account by locking it out for good; a lockout after wrong passwords only lasts minutes, so
/// the two never mix. Sign-in, password reset and e-mail all ask here.
/// </summary>
public static class DisabledAccounts
{
    public static readonly DateTimeOffset Until = DateTimeOffset.MaxValue;

    public static bool IsDisabled(AppUser user) => IsDisabled(user.LockoutEnd);

    /// <remarks>Compared by year: databases store the end with less precision than .NET, never earlier than
    /// 9999.</remarks>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };
}
