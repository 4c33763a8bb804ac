using System.Text.Json;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// A project's community charter as compiled from its worksheets at one instant. It is what every export writes and,
/// serialised as JSON, what publishing stores — so keep changes additive (new optional members only).
/// </summary>
public sealed record CharterDocument(
    string ProjectName,
    string Description,
    DateTime CompiledUtc,
    IReadOnlyList<CharterSection> Sections
)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CharterDocument FromJson(string json) =>
        JsonSerializer.Deserialize<CharterDocument>(json, Json)
        ?? throw new JsonException("The charter JSON is empty.");

    public int MissingCount => Sections.Count(s => s.IsMissing);
}

/// <param name="Key">One of <see cref="CharterSections"/>.</param>
/// <param name="Source">The worksheet the content came from; null when the section is missing.</param>
public sealed record CharterSection(string Key, string Title, IReadOnlyList<CharterBlock> Blocks, CharterSource? Source)
{
    public bool IsMissing => Blocks.All(b => b is MissingBlock);
}

public sealed record CharterSource(Guid WorksheetId, string WorksheetTitle, DateTime UpdatedUtc);

public static class CharterTitles
{
    public static string Of(string key) =>
        key switch
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
            CharterSections.Openness => "Open practices",
            CharterSections.Impact => "Measuring impact",
            CharterSections.ResponseProcess => "Responding to concerns",
            _ => key,
        };
}
