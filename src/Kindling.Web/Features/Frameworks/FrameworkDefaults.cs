namespace Kindling.Web.Features.Frameworks;

/// <summary>Starting points a fresh worksheet gets, so people edit rather than face a blank page.</summary>
public static class FrameworkDefaults
{
    private static readonly MountainLevel[] Levels =
    [
        new(
            "First contact",
            Who: "People who have just come across the community",
            Actions: "Visit the website, read a post, drop in to an open event",
            Pathways: "A clear welcome page and a friendly, quick reply to a first message",
            Gives: "Their attention and curiosity",
            Gets: "A sense of what the community is for and whether it is for them",
            Recognition: "A personal welcome"
        ),
        new(
            "Exploring",
            Who: "Newcomers who follow along and try things out",
            Actions: "Read the discussions, join a call, ask a first question",
            Pathways: "An onboarding guide, a buddy, small first tasks that are easy to pick up",
            Gives: "Questions and a fresh view of how things work",
            Gets: "Answers, useful resources and people to talk to",
            Recognition: "Thanks for the first question or comment"
        ),
        new(
            "Taking part",
            Who: "Regular participants",
            Actions: "Join discussions, share their experience, give feedback",
            Pathways: "Personal invitations to help and a list of open tasks",
            Gives: "Time, ideas and feedback",
            Gets: "New connections and learning from peers",
            Recognition: "Mentioned in meeting notes and newsletters"
        ),
        new(
            "Contributing",
            Who: "Contributors who create and improve shared work",
            Actions: "Write content, run sessions, improve shared resources",
            Pathways: "Mentoring and co-hosting alongside experienced members",
            Gives: "Skills and steady effort",
            Gets: "Experience, visibility and work to show",
            Recognition: "Credited on the work and listed as contributors"
        ),
        new(
            "Leading",
            Who: "Leaders and maintainers",
            Actions: "Shape the direction, mentor others, look after the community's health",
            Pathways: "Shared leadership roles and support to grow into them",
            Gives: "Responsibility and care for others",
            Gets: "Trust, influence and personal growth",
            Recognition: "Leadership roles named publicly and invitations to speak for the community"
        ),
    ];

    /// <summary>Five levels from first contact at the foot of the mountain to leadership at the summit, with gentle
    /// examples.</summary>
    public static IReadOnlyList<MountainLevel> MountainLevels { get; } = Array.AsReadOnly(Levels);

    private static readonly string[] Values =
    [
        "Accessibility",
        "Accountability",
        "Belonging",
        "Care",
        "Collaboration",
        "Courage",
        "Creativity",
        "Curiosity",
        "Diversity",
        "Empathy",
        "Empowerment",
        "Equity",
        "Fairness",
        "Generosity",
        "Growth",
        "Honesty",
        "Humility",
        "Inclusion",
        "Independence",
        "Integrity",
        "Joy",
        "Kindness",
        "Learning",
        "Open knowledge",
        "Openness",
        "Patience",
        "Playfulness",
        "Reciprocity",
        "Recognition",
        "Reliability",
        "Respect",
        "Responsibility",
        "Safety",
        "Sharing",
        "Simplicity",
        "Solidarity",
        "Sustainability",
        "Transparency",
        "Trust",
        "Wellbeing",
    ];

    /// <summary>The shipped list of values to pick from (alphabetical); people may also write their own.</summary>
    public static IReadOnlyList<string> ValueChoices { get; } = Array.AsReadOnly(Values);
}
