using System.Globalization;
using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.Table;

/// <summary>Rows under the template's columns. Value: an array of rows, each a string array with one cell per
/// column.</summary>
public sealed class TableField() : FieldType<List<List<string>>>(FieldTypes.Table)
{
    public override TemplateKeys Keys { get; } = new(Columns: KeyUse.Required);

    public override string ReadOnlyPartial => $"{Folder}/_TableReadOnly.cshtml";

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 1)];

    private static string[] Parts(TemplateField field) =>
        field.Columns.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    protected override void Write(TemplateField field, List<List<string>>? value, FormState form) =>
        form.SetRows(
            FormState.Key(field.Id),
            (value ?? [])
                .Select(r => Enumerable.Range(0, field.Columns.Count).Select(c => c < r.Count ? r[c] : "").ToArray())
                .ToList(),
            Parts(field)
        );

    protected override List<List<string>> Read(FieldReader read)
    {
        var field = read.Field;
        return read.Rows(field.Id, Parts(field))
            .Select(r =>
                r.Cells.Select(
                        (_, c) =>
                            read.Text(
                                read.Key(r.Row, c),
                                WorksheetForm.MaxCell,
                                $"‘{field.Columns[c]}’ in row {r.Row + 1} of {read.Label}"
                            )
                    )
                    .ToList()
            )
            .ToList();
    }

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<List<string>>? value) =>
        (value ?? []).Select(r => string.Join(" | ", r)).ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<List<string>>? value)
    {
        IReadOnlyList<string> columns = field.Columns.Count > 0 ? field.Columns : ["Value"];
        var rows = (value ?? [])
            .Select(r =>
                (IReadOnlyList<string>)columns.Select((_, i) => i < r.Count ? (r[i] ?? "").Trim() : "").ToList()
            )
            .Where(r => r.Any(c => c.Length > 0))
            .ToList();
        return rows.Count > 0 ? [new TableBlock(field.Label, columns, rows)] : [];
    }
}
