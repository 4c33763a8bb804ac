using System.Text.Json;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>
/// One kind of worksheet field and everything Kindling does with it: the template keys it takes, its editor, how a
/// posted form becomes its value, its starting value in a fresh copy, its read-only lines, its picture and its charter
/// blocks. Each type lives in its own folder under <c>Fields/</c> (its class and its editor partial
/// <c>_{Folder}.cshtml</c>) and is registered once, in <see cref="FieldTypes"/>; nothing else names a type.
/// </summary>
public abstract class FieldType
{
    protected FieldType(string name)
    {
        Name = name;
        var ns = GetType().Namespace ?? "";
        Folder = "/" + ns["Kindling.Web.".Length..].Replace('.', '/');
    }

    /// <summary>The name templates use in <c>type:</c>, and the kind of its charter pictures.</summary>
    public string Name { get; }

    /// <summary>The type's folder as a view path (from its namespace, which matches the folder).</summary>
    public string Folder { get; }

    public string EditorPartial => $"{Folder}/_{Folder[(Folder.LastIndexOf('/') + 1)..]}.cshtml";

    /// <summary>Which of the optional template keys (columns, options, multiple) a field of this type takes.</summary>
    public virtual TemplateKeys Keys => TemplateKeys.None;

    /// <summary>A script (under wwwroot) the worksheet page loads for this type, if it has one.</summary>
    public virtual string? Script => null;

    /// <summary>The blank rows the editor offers beyond the filled ones, per row key, and how many "add"
    /// brings.</summary>
    public virtual IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) => [];

    /// <summary>Sets the value a fresh copy starts with; most types start empty.</summary>
    public virtual void Start(TemplateField field, WorksheetData data) { }

    /// <summary>As <see cref="Start(TemplateField, WorksheetData)"/>, for a type whose start depends on what the
    /// project's other worksheets hold (<paramref name="project"/>); "make a copy" calls this one.</summary>
    public virtual void Start(TemplateField field, WorksheetData data, ProjectContext project) => Start(field, data);

    /// <summary>Whether the editor partial reads the project's other worksheets (<see cref="FieldEditor.Project"/>);
    /// the worksheet page loads them only for such a type.</summary>
    public virtual bool ReadsProject => false;

    /// <summary>A project page built from fields of this type (linked from the project and from its worksheets), or
    /// null.</summary>
    public virtual ProjectPage? Page => null;

    /// <summary>Writes the saved value into the form the editor partial renders.</summary>
    public abstract void ToForm(TemplateField field, WorksheetData data, FormState form);

    /// <summary>Reads the posted form into the value, reporting every problem to <paramref name="read"/>.</summary>
    public abstract void FromForm(FieldReader read, WorksheetData data);

    /// <summary>The value as lines of plain text: what diffs compare and read-only views show.</summary>
    public abstract IReadOnlyList<string> Lines(TemplateField field, WorksheetData data);

    /// <summary>Read-only views show the lines as paragraphs (true) or as a list (false).</summary>
    public virtual bool IsProse(TemplateField field) => false;

    /// <summary>A partial in the type's folder that shows a filled value read-only (model <see cref="ReadOnlyField"/>),
    /// or null to show its <see cref="Lines"/>.</summary>
    public virtual string? ReadOnlyPartial => null;

    /// <summary>What the field contributes to the charter: nothing when the person has not written it yet.</summary>
    public abstract IReadOnlyList<CharterBlock> Blocks(TemplateField field, WorksheetData data);

    /// <summary>Whether the type draws a picture (the framework tools do).</summary>
    public virtual bool HasPicture => false;

    /// <summary>The editor's picture of the saved value, or null for a type without one.</summary>
    public virtual Diagram? Picture(TemplateField field, WorksheetData data) => null;

    /// <summary>The picture of a charter's <see cref="DiagramBlock"/> of this kind.</summary>
    public virtual Diagram Picture(JsonElement data) =>
        throw new InvalidOperationException($"A {Name} field has no picture.");
}

/// <summary>A field type whose value is one <typeparamref name="T"/> (null until saved).</summary>
public abstract class FieldType<T>(string name) : FieldType(name)
    where T : class
{
    public sealed override void ToForm(TemplateField field, WorksheetData data, FormState form) =>
        Write(field, data.Get<T>(field.Id), form);

    public sealed override void FromForm(FieldReader read, WorksheetData data) => data.Set(read.Field.Id, Read(read));

    public sealed override IReadOnlyList<string> Lines(TemplateField field, WorksheetData data) =>
        LinesOf(field, data.Get<T>(field.Id));

    public sealed override IReadOnlyList<CharterBlock> Blocks(TemplateField field, WorksheetData data) =>
        BlocksOf(field, data.Get<T>(field.Id));

    protected abstract void Write(TemplateField field, T? value, FormState form);

    protected abstract T Read(FieldReader read);

    protected abstract IReadOnlyList<string> LinesOf(TemplateField field, T? value);

    protected abstract IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, T? value);
}

/// <summary>A blank-row offer: <paramref name="Count"/> blank rows at first, <paramref name="PerAdd"/> more per
/// "add".</summary>
public sealed record BlankRows(string Key, int Count, int PerAdd = 1);

/// <summary>A page of the project about fields of one type: its address under
/// <c>/cohorts/{c}/projects/{p}/</c> and its link text.</summary>
public sealed record ProjectPage(string Path, string Title);

/// <summary>The model of a type's <see cref="FieldType.ReadOnlyPartial"/>.</summary>
public sealed record ReadOnlyField(TemplateField Field, WorksheetData Data);
