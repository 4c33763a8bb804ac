using Microsoft.AspNetCore.Identity;

namespace Kindling.Domain;

/// <summary>An account. The profile fields feed the roll call in live sessions.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? Pronouns { get; set; }
    public string? Title { get; set; }
    public string? Organisation { get; set; }
    public string? SocialHandles { get; set; }
    public string? Feeling { get; set; }

    /// <summary>IANA time-zone id used to show every time to this person.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the last daily digest e-mail was written for this person.</summary>
    public DateTime? LastDigestUtc { get; set; }

    /// <summary>Secret of the personal calendar feed (every cohort of the person); null while they have none.
    /// Resetting it ends old subscriptions.</summary>
    public string? CalendarToken { get; set; }
}

public static class InstanceRoles
{
    public const string Admin = "Admin";
    public const string Facilitator = "Facilitator";

    /// <summary>Receives concern reports a reporter sends past the cohort's facilitators.</summary>
    public const string SafetyContact = "SafetyContact";
}
