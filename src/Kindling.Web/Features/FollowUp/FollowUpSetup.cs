namespace Kindling.Web.Features.FollowUp;

/// <summary>When a session the facilitator did not end ends by itself, and when its draft message goes by
/// itself.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Minutes after the scheduled end at which a session still open is ended automatically.</summary>
    public int AutoEndMinutes { get; set; } = 30;

    /// <summary>Hours after an automatic end at which a draft nobody sent is sent as it is.</summary>
    public int AutoSendHours { get; set; } = 24;

    /// <summary>
    /// Only sessions whose scheduled end passed within this many days are ended automatically: a database that
    /// starts with this feature for the first time does not write to everyone about last year's sessions.
    /// </summary>
    public int AutoEndWithinDays { get; set; } = 7;
}

public static class FollowUpSetup
{
    public static void AddFollowUp(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<FollowUpOptions>()
            .Bind(builder.Configuration.GetSection(FollowUpOptions.Section))
            .Validate(
                o => o.AutoEndMinutes is >= 0 and <= 24 * 60,
                "FollowUp:AutoEndMinutes must be 0 to 1440 minutes."
            )
            .Validate(o => o.AutoSendHours is >= 0 and <= 24 * 14, "FollowUp:AutoSendHours must be 0 to 336 hours.")
            .Validate(o => o.AutoEndWithinDays is >= 1 and <= 60, "FollowUp:AutoEndWithinDays must be 1 to 60 days.")
            .ValidateOnStart();
        s.AddScoped<WrapUpDrafts>();
        s.AddScoped<WrapUpMessages>();
        s.AddScoped<SessionEnder>();
        s.AddScoped<AutoEnder>();
        s.AddHostedService<AutoEndJob>();
    }
}
