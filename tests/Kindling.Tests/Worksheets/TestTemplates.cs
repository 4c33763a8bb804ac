using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Tests.Worksheets;

internal static class TestTemplates
{
    public static TemplateField Field(
        string id,
        string type,
        string label,
        IReadOnlyList<string>? columns = null,
        IReadOnlyList<string>? options = null,
        bool multiple = false
    ) => new(id, type, label, "", [], columns ?? [], options ?? [], multiple);

    public static WorksheetTemplate Of(params TemplateField[] fields) =>
        new("test", "lesson", "Test worksheet", "", [new TemplateSection("Section", "", fields)]);

    public static readonly WorksheetTemplate All = Of(
        Field("origin", FieldTypes.LongText, "Origin story"),
        Field("name", FieldTypes.Text, "Community name"),
        Field("start", FieldTypes.Date, "Start date"),
        Field("size", FieldTypes.Choice, "Size", options: ["Small", "Large"]),
        Field("tools", FieldTypes.Choice, "Tools", options: ["Chat", "Forum", "Video"], multiple: true),
        Field("people", FieldTypes.List, "People to interview"),
        Field("outcomes", FieldTypes.Table, "Outcomes", columns: ["Purpose", "Outcome"]),
        Field("stakeholders", FieldTypes.StakeholderMap, "Stakeholders"),
        Field("channels", FieldTypes.Channels, "Channels"),
        Field("mountain", FieldTypes.Mountain, "Mountain"),
        Field("skills", FieldTypes.Skills, "Skills"),
        Field("values", FieldTypes.Values, "Values", options: ["Openness", "Care", "Curiosity", "Courage"]),
        Field("roadmap", FieldTypes.Roadmap, "Roadmap"),
        Field("success", FieldTypes.Success, "Success")
    );
}
