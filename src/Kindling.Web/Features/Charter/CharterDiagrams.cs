using System.Text.Json;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;

namespace Kindling.Web.Features.Charter;

/// <summary>Draws a charter's framework pictures with the framework renderers (the same ones the worksheets use).</summary>
public static class CharterDiagrams
{
    /// <summary>
    /// The picture for a diagram block, or null when it cannot be drawn. Every picture sits next to a table or list that
    /// holds the same data, so a renderer failure costs the picture, never the charter or its export.
    /// </summary>
    public static Diagram? TryBuild(DiagramBlock block)
    {
        try { return Build(block); }
        catch (Exception) { return null; }
    }

    /// <summary>The picture as inline SVG for a page, or null when it cannot be drawn (see <see cref="TryBuild"/>).</summary>
    public static string? TrySvg(DiagramBlock block)
    {
        if (TryBuild(block) is not { } diagram) return null;
        try { return SvgWriter.Write(diagram); }
        catch (Exception) { return null; }
    }

    public static Diagram? Build(DiagramBlock block) => block.Kind switch
    {
        FieldTypes.StakeholderMap => StakeholderGridDiagram.Build(Read<List<Stakeholder>>(block)),
        FieldTypes.Channels => ChannelsDiagram.Build(Read<ChannelMap>(block)),
        FieldTypes.Mountain => MountainDiagram.Build(Read<List<MountainLevel>>(block)),
        FieldTypes.Skills => SkillsWheelDiagram.Build(Read<List<SkillRating>>(block)),
        FieldTypes.Values => ValuesDiagram.Build(Read<CoreValues>(block)),
        FieldTypes.Roadmap => RoadmapDiagram.Build(Read<List<Milestone>>(block)),
        FieldTypes.Success => SuccessDiagram.Build(Read<SuccessDefinition>(block)),
        _ => null,
    };

    private static T Read<T>(DiagramBlock block) =>
        block.Data.Deserialize<T>(WorksheetData.Json) ?? throw new JsonException($"The {block.Kind} picture has no data.");
}
