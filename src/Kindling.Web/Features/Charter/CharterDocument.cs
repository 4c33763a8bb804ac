using System.Text.Json;
using System.Text.Json.Serialization;
using Kindling.Web.Features.Worksheets;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// A project's community charter as compiled from its worksheets at one instant. It is what every export writes and,
/// serialised as JSON, what publishing stores — so keep changes additive (new optional members only).
/// </summary>
public sealed record CharterDocument(string ProjectName, string Description, DateTime CompiledUtc, IReadOnlyList<CharterSection> Sections)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CharterDocument FromJson(string json) =>
        JsonSerializer.Deserialize<CharterDocument>(json, Json) ?? throw new JsonException("The charter JSON is empty.");

    public int MissingCount => Sections.Count(s => s.IsMissing);
}

/// <param name="Key">One of <see cref="CharterSections"/>.</param>
/// <param name="Source">The worksheet the content came from; null when the section is missing.</param>
public sealed record CharterSection(string Key, string Title, IReadOnlyList<CharterBlock> Blocks, CharterSource? Source)
{
    public bool IsMissing => Blocks.All(b => b is MissingBlock);
}

public sealed record CharterSource(Guid WorksheetId, string WorksheetTitle, DateTime UpdatedUtc);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(DiagramBlock), "diagram")]
[JsonDerivedType(typeof(MissingBlock), "missing")]
public abstract record CharterBlock;

/// <summary>Text as the person wrote it (may hold line breaks); <see cref="Label"/> is the field's label.</summary>
public sealed record ParagraphBlock(string? Label, string Text) : CharterBlock;

public sealed record ListBlock(string? Label, IReadOnlyList<string> Items) : CharterBlock;

public sealed record TableBlock(string? Label, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : CharterBlock;

/// <summary>
/// The source data of a framework picture (<see cref="Kind"/> is the field type, e.g. "stakeholder-map"); each export
/// draws it with the framework renderer, so a published charter keeps its data, not a frozen image.
/// </summary>
public sealed record DiagramBlock(string Kind, string Title, JsonElement Data) : CharterBlock;

/// <summary>A section (or part of one) nobody has written yet: says what to fill in and where, never invents text.</summary>
/// <param name="WorksheetId">The worksheet to fill in, when the project has one (manager pages link to it).</param>
public sealed record MissingBlock(string Message, Guid? WorksheetId = null) : CharterBlock;

public static class CharterTitles
{
    public static string Of(string key) => key switch
    {
        CharterSections.Background => "Background",
        CharterSections.Values => "Values",
        CharterSections.Vision => "Vision",
        CharterSections.Mission => "Mission",
        CharterSections.Stakeholders => "Stakeholders",
        CharterSections.Pathways => "Engagement pathways",
        CharterSections.Roadmap => "Roadmap",
        CharterSections.Success => "Definitions of success",
        CharterSections.WaysOfWorking => "Ways of working",
        CharterSections.CodeOfConduct => "Code of conduct",
        _ => key,
    };
}
