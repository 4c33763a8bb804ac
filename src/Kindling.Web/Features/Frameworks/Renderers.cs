namespace Kindling.Web.Features.Frameworks;

// Placeholders so other parts can compile against the agreed names; the diagrams work replaces this file with one file
// per renderer (same names and signatures).

public static class SvgWriter
{
    public static string Write(Diagram d) => throw new NotImplementedException();
}

public static class StakeholderGridDiagram { public static Diagram Build(IReadOnlyList<Stakeholder> s) => throw new NotImplementedException(); }
public static class ChannelsDiagram { public static Diagram Build(ChannelMap c) => throw new NotImplementedException(); }
public static class MountainDiagram { public static Diagram Build(IReadOnlyList<MountainLevel> l) => throw new NotImplementedException(); }
public static class SkillsWheelDiagram { public static Diagram Build(IReadOnlyList<SkillRating> r) => throw new NotImplementedException(); }
public static class ValuesDiagram { public static Diagram Build(CoreValues v) => throw new NotImplementedException(); }
public static class RoadmapDiagram { public static Diagram Build(IReadOnlyList<Milestone> m) => throw new NotImplementedException(); }
public static class SuccessDiagram { public static Diagram Build(SuccessDefinition s) => throw new NotImplementedException(); }

/// <summary>Starting points a fresh worksheet gets, so people edit rather than face a blank page.</summary>
public static class FrameworkDefaults
{
    public static IReadOnlyList<MountainLevel> MountainLevels => throw new NotImplementedException();
    /// <summary>The shipped list of values to pick from.</summary>
    public static IReadOnlyList<string> ValueChoices => throw new NotImplementedException();
}
