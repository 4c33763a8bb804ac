using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kindling.Web.Features.Worksheets.Fields;

// The blocks a charter is made of. Field types write them (so they live below both worksheets and the charter);
// the charter page, Markdown, PDF and DOCX read them. Published charters store them as JSON: keep changes additive.

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

public sealed record TableBlock(string? Label, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
    : CharterBlock;

/// <summary>
/// The source data of a framework picture (<see cref="Kind"/> is the name of the field type that draws it); each export
/// draws it with that type's picture, so a published charter keeps its data, not a frozen image.
/// </summary>
public sealed record DiagramBlock(string Kind, string Title, JsonElement Data) : CharterBlock;

/// <summary>A section (or part of one) nobody has written yet: says what to fill in and where, never invents
/// text.</summary>
/// <param name="WorksheetId">The worksheet to fill in, when the project has one (manager pages link to it).</param>
public sealed record MissingBlock(string Message, Guid? WorksheetId = null) : CharterBlock;
