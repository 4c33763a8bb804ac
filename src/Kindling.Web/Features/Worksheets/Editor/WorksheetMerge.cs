namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>
/// Three-way merge, field by field, of my edit and someone else's save that both started from <c>base</c>. A field only
/// one side changed takes that side's value; a field both changed to different values is a conflict and nothing merges.
/// Values are compared in their canonical form, so the same content typed differently is not a change.
/// </summary>
public static class WorksheetMerge
{
    public sealed record Result(
        WorksheetData Merged,
        IReadOnlyList<string> Conflicts,
        IReadOnlyList<string> TakenFromTheirs
    );

    public static Result Merge(
        WorksheetTemplate template,
        WorksheetData baseData,
        WorksheetData theirs,
        WorksheetData mine
    )
    {
        var b = WorksheetForm.Canonical(template, baseData);
        var t = WorksheetForm.Canonical(template, theirs);
        var m = WorksheetForm.Canonical(template, mine);
        var merged = theirs.Clone(); // keeps anything outside the template as it is
        var conflicts = new List<string>();
        var fromTheirs = new List<string>();
        foreach (var field in template.Fields)
        {
            var (bv, tv, mv) = (b.RawOf(field.Id), t.RawOf(field.Id), m.RawOf(field.Id));
            if (mv == tv || mv == bv)
            {
                merged.Set(field.Id, t.Get<System.Text.Json.JsonElement>(field.Id));
                if (tv != bv)
                    fromTheirs.Add(field.Id);
            }
            else if (tv == bv)
                merged.Set(field.Id, m.Get<System.Text.Json.JsonElement>(field.Id));
            else
                conflicts.Add(field.Id);
        }
        return new Result(merged, conflicts, fromTheirs);
    }
}
