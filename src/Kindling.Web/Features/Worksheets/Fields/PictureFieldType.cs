using System.Text.Json;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>
/// A field type with a picture (the framework tools). The picture is chosen here once, by <see cref="Draw"/>: the
/// editor draws the saved value, the charter draws the value its <see cref="DiagramBlock"/> carries. A missing value is
/// drawn as <see cref="Empty"/>; a failure to draw is a bug and is not hidden.
/// </summary>
public abstract class PictureFieldType<T>(string name) : FieldType<T>(name)
    where T : class
{
    /// <summary>The value a field nobody has filled in stands for.</summary>
    protected abstract T Empty { get; }

    protected abstract Diagram Draw(T value);

    public sealed override bool HasPicture => true;

    public sealed override Diagram Picture(TemplateField field, WorksheetData data) =>
        Draw(data.Get<T>(field.Id) ?? Empty);

    public sealed override Diagram Picture(JsonElement data) => Draw(data.Deserialize<T>(WorksheetData.Json) ?? Empty);

    /// <summary>A charter picture of <paramref name="value"/>: the block keeps the data; each export draws
    /// it.</summary>
    protected DiagramBlock PictureBlock(string title, T value) =>
        new(Name, title, JsonSerializer.SerializeToElement(value, WorksheetData.Json));
}
