using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Worksheets.Versions;

public enum LineChange
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(LineChange Change, string Text);

public sealed record FieldDiff(TemplateField Field, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Lines.Any(l => l.Change != LineChange.Same);
}

/// <summary>What changed between two versions, field by field, as line (or row) additions and removals.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<FieldDiff> Compare(WorksheetTemplate template, WorksheetData from, WorksheetData to) =>
        template.Fields.Select(f => new FieldDiff(f, Lines(LinesOf(f, from), LinesOf(f, to)))).ToList();

    private static IReadOnlyList<string> LinesOf(TemplateField field, WorksheetData data) =>
        FieldTypes.Of(field).Lines(field, data);

    /// <summary>A longest-common-subsequence line diff: removed lines come before the added lines that replace
    /// them.</summary>
    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        for (var j = b.Count - 1; j >= 0; j--)
            lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<DiffLine>();
        int x = 0,
            y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add(new(LineChange.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
                result.Add(new(LineChange.Removed, a[x++]));
            else
                result.Add(new(LineChange.Added, b[y++]));
        }
        while (x < a.Count)
            result.Add(new(LineChange.Removed, a[x++]));
        while (y < b.Count)
            result.Add(new(LineChange.Added, b[y++]));
        return result;
    }
}
