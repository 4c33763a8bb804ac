namespace Kindling.Web.Features.Worksheets;

/// <summary>
/// A parsed assignment template: sections of typed fields. It is also the JSON frozen into each worksheet at copy time,
/// so keep changes additive (new optional members only).
/// </summary>
public sealed record WorksheetTemplate(
    string Slug, string Lesson, string Title, string Intro, IReadOnlyList<TemplateSection> Sections)
{
    public IEnumerable<TemplateField> Fields => Sections.SelectMany(s => s.Fields);
    public TemplateField? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}

public sealed record TemplateSection(string Title, string Intro, IReadOnlyList<TemplateField> Fields);

/// <param name="Id">Stable key of the value in the worksheet data: lower-case letters, digits and hyphens.</param>
/// <param name="Type">One of <see cref="FieldTypes"/>.</param>
/// <param name="Prompts">Guiding questions shown with the field (from the lesson, in our own words).</param>
/// <param name="Columns">Column names, for <c>table</c>.</param>
/// <param name="Options">Allowed answers, for <c>choice</c> (and the shipped value list for <c>values</c>).</param>
/// <param name="Multiple">For <c>choice</c>: may several options be picked?</param>
/// <param name="Charter">Which charter section this field feeds, one of <see cref="CharterSections"/>; null when none.</param>
public sealed record TemplateField(
    string Id, string Type, string Label, string Help,
    IReadOnlyList<string> Prompts, IReadOnlyList<string> Columns, IReadOnlyList<string> Options,
    bool Multiple = false, string? Charter = null);

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

    public static readonly IReadOnlyList<string> All =
        [Text, LongText, List, Table, Choice, Date, StakeholderMap, Channels, Mountain, Skills, Values, Roadmap, Success];

    public static bool IsFramework(string type) => Array.IndexOf([StakeholderMap, Channels, Mountain, Skills, Values, Roadmap, Success], type) >= 0;
}

/// <summary>The sections of a compiled charter, in charter order. A template field names one in its <c>charter:</c> key.</summary>
public static class CharterSections
{
    public const string Background = "background";
    public const string Values = "values";
    public const string Vision = "vision";
    public const string Mission = "mission";
    public const string Stakeholders = "stakeholders";
    public const string Pathways = "pathways";
    public const string Roadmap = "roadmap";
    public const string Success = "success";
    public const string WaysOfWorking = "ways-of-working";
    public const string CodeOfConduct = "code-of-conduct";

    public static readonly IReadOnlyList<string> All =
        [Background, Values, Vision, Mission, Stakeholders, Pathways, Roadmap, Success, WaysOfWorking, CodeOfConduct];
}
