using Kindling.Web.Features.Curricula;

namespace Kindling.Web.Features.Worksheets;

/// <summary>
/// A parsed assignment template: sections of typed fields. It is also the JSON frozen into each worksheet at copy time,
/// so keep changes additive (new optional members only).
/// </summary>
public sealed record WorksheetTemplate(
    string Slug,
    string Lesson,
    string Title,
    string Intro,
    IReadOnlyList<TemplateSection> Sections,
    Credit? Credit = null
)
{
    public IEnumerable<TemplateField> Fields => Sections.SelectMany(s => s.Fields);

    public TemplateField? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}

public sealed record TemplateSection(string Title, string Intro, IReadOnlyList<TemplateField> Fields);

/// <param name="Id">Stable key of the value in the worksheet data: lower-case letters, digits and hyphens.</param>
/// <param name="Type">The name of a registered field type (<see cref="Fields.FieldTypes"/>).</param>
/// <param name="Prompts">Guiding questions shown with the field (from the lesson, in our own words).</param>
/// <param name="Columns">Column names, for the types that take them (<see cref="Fields.TemplateKeys"/>).</param>
/// <param name="Options">Answers to choose from, for the types that take them.</param>
/// <param name="Multiple">For the types that take it: may several options be picked?</param>
/// <param name="Charter">Which charter section this field feeds, one of <see cref="CharterSections"/>; null when
/// none.</param>
public sealed record TemplateField(
    string Id,
    string Type,
    string Label,
    string Help,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Options,
    bool Multiple = false,
    string? Charter = null
);

/// <summary>The sections of a compiled charter, in charter order. A template field names one in its <c>charter:</c>
/// key.</summary>
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

    /// <summary>Open practices (module 5): how open the community's work is.</summary>
    public const string Openness = "openness";

    /// <summary>Impact indicators (module 7), tied to the definitions of success.</summary>
    public const string Impact = "impact";

    /// <summary>How concerns are received and handled (module 8), under the code of conduct.</summary>
    public const string ResponseProcess = "response-process";

    /// <summary>Every section a template may name, in charter order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Background,
        Values,
        Vision,
        Mission,
        Stakeholders,
        Pathways,
        Openness,
        Roadmap,
        Success,
        Impact,
        WaysOfWorking,
        CodeOfConduct,
        ResponseProcess,
    ];

    /// <summary>The sections of the four core lessons: every charter shows them, written or not. The others (from the
    /// further modules) appear only once a worksheet of the project feeds them.</summary>
    public static readonly IReadOnlyList<string> Core =
    [
        Background,
        Values,
        Vision,
        Mission,
        Stakeholders,
        Pathways,
        Roadmap,
        Success,
        WaysOfWorking,
        CodeOfConduct,
    ];
}
