namespace Kindling.Web.Features.Frameworks;

// The values the framework tools keep in a worksheet's data (JSON, camelCase). Keep changes additive.

/// <summary>Power and interest run from 1 (low) to 10 (high); 6 or more counts as high.</summary>
public sealed record Stakeholder(string Name, string Role, string Participation, int Power, int Interest);

public enum Quadrant
{
    ManageClosely,
    KeepSatisfied,
    InformRegularly,
    Monitor,
}

public static class StakeholderGrid
{
    public const int Min = 1,
        Max = 10,
        HighFrom = 6;

    public static Quadrant QuadrantOf(int power, int interest) =>
        (power >= HighFrom, interest >= HighFrom) switch
        {
            (true, true) => Quadrant.ManageClosely,
            (true, false) => Quadrant.KeepSatisfied,
            (false, true) => Quadrant.InformRegularly,
            _ => Quadrant.Monitor,
        };

    public static string Label(Quadrant q) =>
        q switch
        {
            Quadrant.ManageClosely => "Manage closely",
            Quadrant.KeepSatisfied => "Keep satisfied",
            Quadrant.InformRegularly => "Inform regularly",
            _ => "Monitor and anticipate needs",
        };
}

public sealed record Channel(string Name, string Purpose);

/// <summary>Where the work happens (primary), and the asynchronous and synchronous places around it.</summary>
public sealed record ChannelMap(
    IReadOnlyList<Channel> Primary,
    IReadOnlyList<Channel> Asynchronous,
    IReadOnlyList<Channel> Synchronous
);

/// <summary>One level of the mountain of engagement, listed from the foot (first contact) to the top
/// (leadership).</summary>
public sealed record MountainLevel(
    string Name,
    string Who,
    string Actions,
    string Pathways,
    string Gives,
    string Gets,
    string Recognition
);

/// <summary>Self-assessment of one skill area, 0 (none) to 5 (strong), for the project team and for the
/// community.</summary>
public sealed record SkillRating(string Area, int Team, int Community, string Gaps, string WhoCouldFill);

public static class SkillAreas
{
    public static readonly IReadOnlyList<string> All = ["Engagement", "Technical", "Content", "Business", "Strategic"];
    public const int Max = 5;
}

/// <summary>Three core values, one of them defined with examples of it in action.</summary>
public sealed record CoreValues(
    IReadOnlyList<string> Chosen,
    string Defined,
    string Definition,
    IReadOnlyList<string> Examples
);

/// <summary>A roadmap milestone; <see cref="Due"/> is an ISO date (yyyy-MM-dd).</summary>
public sealed record Milestone(string Title, string Due, string Scope, string Resources, string Risks);

public sealed record SuccessDefinition(string SixMonths, string TwelveMonths, string TwentyFourMonths);
