using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>The server-side SVG for a framework field, or null for plain fields. A drawing failure is logged and the
/// field shows without its picture, so one bad value never makes the worksheet unreadable or uneditable.</summary>
public static class FieldPictures
{
    public static string? Svg(TemplateField field, WorksheetData data, ILogger log)
    {
        if (!FieldTypes.IsFramework(field.Type)) return null;
        try
        {
            var id = field.Id;
            Diagram? d = field.Type switch
            {
                FieldTypes.StakeholderMap => StakeholderGridDiagram.Build(data.Get<List<Stakeholder>>(id) ?? []),
                FieldTypes.Channels => ChannelsDiagram.Build(data.Get<ChannelMap>(id) ?? new ChannelMap([], [], [])),
                FieldTypes.Mountain => MountainDiagram.Build(data.Get<List<MountainLevel>>(id) ?? []),
                FieldTypes.Skills => SkillsWheelDiagram.Build(data.Get<List<SkillRating>>(id) ?? []),
                FieldTypes.Values => ValuesDiagram.Build(data.Get<CoreValues>(id) ?? new CoreValues([], "", "", [])),
                FieldTypes.Roadmap => RoadmapDiagram.Build(data.Get<List<Milestone>>(id) ?? []),
                FieldTypes.Success => SuccessDiagram.Build(data.Get<SuccessDefinition>(id) ?? new SuccessDefinition("", "", "")),
                _ => null,
            };
            return d is null ? null : SvgWriter.Write(d);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not draw the {Type} picture for field {Field}", field.Type, field.Id);
            return "";
        }
    }
}
