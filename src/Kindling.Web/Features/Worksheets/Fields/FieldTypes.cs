using Kindling.Web.Features.Worksheets.Fields.Channels;
using Kindling.Web.Features.Worksheets.Fields.Choice;
using Kindling.Web.Features.Worksheets.Fields.Date;
using Kindling.Web.Features.Worksheets.Fields.EventTimeline;
using Kindling.Web.Features.Worksheets.Fields.Indicators;
using Kindling.Web.Features.Worksheets.Fields.List;
using Kindling.Web.Features.Worksheets.Fields.LongText;
using Kindling.Web.Features.Worksheets.Fields.Mountain;
using Kindling.Web.Features.Worksheets.Fields.Practices;
using Kindling.Web.Features.Worksheets.Fields.Roadmap;
using Kindling.Web.Features.Worksheets.Fields.Skills;
using Kindling.Web.Features.Worksheets.Fields.StakeholderMap;
using Kindling.Web.Features.Worksheets.Fields.Success;
using Kindling.Web.Features.Worksheets.Fields.Table;
using Kindling.Web.Features.Worksheets.Fields.Text;
using Kindling.Web.Features.Worksheets.Fields.Values;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>
/// The registry of worksheet field types, in the order the template format lists them. The names are the template
/// vocabulary (<c>type:</c>); outside its own folder, code reaches a type only through <see cref="Of(string)"/>.
/// </summary>
public static class FieldTypes
{
    public const string Text = "text";
    public const string LongText = "long-text";
    public const string List = "list";
    public const string Table = "table";
    public const string Choice = "choice";
    public const string Date = "date";
    public const string StakeholderMap = "stakeholder-map";
    public const string Channels = "channels";
    public const string Mountain = "mountain";
    public const string Skills = "skills";
    public const string Values = "values";
    public const string Roadmap = "roadmap";
    public const string Success = "success";
    public const string Practices = "practices";
    public const string EventTimeline = "event-timeline";
    public const string Indicators = "indicators";

    /// <summary>Every registered type.</summary>
    public static readonly IReadOnlyList<FieldType> Types =
    [
        new TextField(),
        new LongTextField(),
        new ListField(),
        new TableField(),
        new ChoiceField(),
        new DateField(),
        new StakeholderMapField(),
        new ChannelsField(),
        new MountainField(),
        new SkillsField(),
        new ValuesField(),
        new RoadmapField(),
        new SuccessField(),
        new PracticesField(),
        new EventTimelineField(),
        new IndicatorsField(),
    ];

    private static readonly Dictionary<string, FieldType> ByName = Types.ToDictionary(
        t => t.Name,
        StringComparer.Ordinal
    );

    /// <summary>The names of every registered type.</summary>
    public static readonly IReadOnlyList<string> All = Types.Select(t => t.Name).ToList();

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static FieldType Of(string name) =>
        ByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown field type '{name}'.");

    public static FieldType Of(TemplateField field) => Of(field.Type);

    /// <summary>Is this one of the framework tools, the types with a picture?</summary>
    public static bool IsFramework(string name) => Of(name).HasPicture;

    /// <summary>The scripts the worksheet page loads, one per type that has one.</summary>
    public static IEnumerable<string> Scripts => Types.Select(t => t.Script).OfType<string>().Distinct();
}
