using System.Text.Json;
using Kindling.Domain;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>
/// What a field type may read from the rest of its project: the values written in the project's worksheets. A type asks
/// by the shape of the value (<c>Latest&lt;SuccessDefinition&gt;()</c>), never by another type's name, so types stay
/// apart. Worksheets are read on first use and at most once.
/// </summary>
public sealed class ProjectContext
{
    /// <summary>No project to read from (tests, previews): every question answers null.</summary>
    public static readonly ProjectContext None = new([]);

    private readonly IReadOnlyList<Worksheet> _worksheets;
    private List<(TemplateField Field, WorksheetData Data)>? _fields;

    private ProjectContext(IReadOnlyList<Worksheet> worksheets) => _worksheets = worksheets;

    /// <summary>The context of these worksheets (the project's, as the reader may see them).</summary>
    public static ProjectContext Of(IEnumerable<Worksheet> worksheets) => new(worksheets.ToList());

    /// <summary>
    /// The value of the most recently updated worksheet's field whose value is a <typeparamref name="T"/> and has
    /// something written (it would add to the charter); null when no worksheet of the project has one.
    /// </summary>
    public T? Latest<T>()
        where T : class =>
        Fields()
            .Where(x => FieldShapes.Holds<T>(x.Field) && FieldTypes.Of(x.Field).Blocks(x.Field, x.Data).Count > 0)
            .Select(x => x.Data.Get<T>(x.Field.Id))
            .FirstOrDefault(v => v is not null);

    private List<(TemplateField Field, WorksheetData Data)> Fields() =>
        _fields ??= _worksheets
            .OrderByDescending(w => w.UpdatedUtc)
            .ThenByDescending(w => w.CreatedUtc)
            .SelectMany(Read)
            .ToList();

    private static IEnumerable<(TemplateField, WorksheetData)> Read(Worksheet w)
    {
        WorksheetTemplate template;
        WorksheetData data;
        try
        {
            template = MakeCopy.TemplateOf(w);
            data = WorksheetData.Parse(w.DataJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return []; // unreadable: it tells nothing
        }
        return template.Fields.Select(f => (f, data));
    }
}
