using System.Text.Json;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Charter;

/// <summary>An assignment of the cohort's curriculum whose worksheet would feed these charter sections (for "make a
/// copy of …" hints).</summary>
public sealed record TemplateOffer(string Title, string LessonSlug, IReadOnlyList<string> Sections);

/// <summary>
/// Compiles a project's worksheets into its charter, leaving out nothing anyone wrote. A field feeds the section its
/// template names in <c>charter:</c>; when several worksheets feed a section, the most recently updated one that has
/// something written wins, and the section says which worksheet that was. Every other filled field — one without a
/// <c>charter:</c> section, or one whose section another worksheet won — follows in a "More from ‘worksheet’" section
/// per worksheet, in lesson order. Sections nobody has written get a callout saying what to fill in and where.
/// </summary>
public static class CharterCompiler
{
    public static CharterDocument Compile(
        string projectName,
        string description,
        IEnumerable<Worksheet> worksheets,
        IReadOnlyList<TemplateOffer> offers,
        DateTime nowUtc
    )
    {
        var sheets = worksheets.Select(Read).OfType<Sheet>().ToList();
        var sections = CharterSections
            .All.Where(key => CharterSections.Core.Contains(key) || Fed(key, sheets))
            .Select(key => CompileSection(key, sheets, offers))
            .ToList();
        var shown = sections
            .Where(s => s.Source is not null)
            .SelectMany(s =>
                sheets
                    .Where(x => x.Worksheet.Id == s.Source!.WorksheetId)
                    .SelectMany(x => x.Template.Fields)
                    .Where(f => f.Charter == s.Key)
                    .Select(f => (s.Source!.WorksheetId, f.Id))
            )
            .ToHashSet();
        var lessonOrder = offers.Select(o => o.LessonSlug).ToList();
        var more = 0;
        foreach (
            var sheet in sheets
                .OrderBy(x => LessonRank(lessonOrder, x.Worksheet.LessonSlug))
                .ThenBy(x => x.Worksheet.CreatedUtc)
        )
        {
            var w = sheet.Worksheet;
            var blocks = sheet
                .Template.Fields.Where(f => !shown.Contains((w.Id, f.Id)))
                .SelectMany(f => FieldTypes.Of(f).Blocks(f, sheet.Data))
                .ToList();
            if (blocks.Count > 0) // numbered keys: a published copy must not carry worksheet ids
                sections.Add(
                    new CharterSection(
                        $"more-{++more}",
                        $"More from ‘{w.Title}’",
                        blocks,
                        new CharterSource(w.Id, w.Title, Utc(w.UpdatedUtc))
                    )
                );
        }
        return new CharterDocument(projectName.Trim(), description.Trim(), Utc(nowUtc), sections);
    }

    /// <summary>Does a worksheet of the project have a field for this section (written or not)?</summary>
    private static bool Fed(string key, IReadOnlyList<Sheet> sheets) =>
        sheets.Any(s => s.Template.Fields.Any(f => f.Charter == key));

    private static int LessonRank(List<string> lessonOrder, string lessonSlug) =>
        lessonOrder.IndexOf(lessonSlug) is var i and >= 0 ? i : int.MaxValue;

    private sealed record Sheet(Worksheet Worksheet, WorksheetTemplate Template, WorksheetData Data);

    private static Sheet? Read(Worksheet w)
    {
        try
        {
            return new Sheet(w, MakeCopy.TemplateOf(w), WorksheetData.Parse(w.DataJson));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        } // unreadable: it feeds nothing
    }

    private static CharterSection CompileSection(
        string key,
        IReadOnlyList<Sheet> sheets,
        IReadOnlyList<TemplateOffer> offers
    )
    {
        var title = CharterTitles.Of(key);
        var feeding = sheets
            .Select(s => (Sheet: s, Fields: s.Template.Fields.Where(f => f.Charter == key).ToList()))
            .Where(x => x.Fields.Count > 0)
            .OrderByDescending(x => x.Sheet.Worksheet.UpdatedUtc)
            .ThenByDescending(x => x.Sheet.Worksheet.CreatedUtc)
            .ToList();
        foreach (var (sheet, fields) in feeding)
        {
            var blocks = fields.SelectMany(f => FieldTypes.Of(f).Blocks(f, sheet.Data)).ToList();
            if (blocks.Count == 0)
                continue;
            var w = sheet.Worksheet;
            return new CharterSection(key, title, blocks, new CharterSource(w.Id, w.Title, Utc(w.UpdatedUtc)));
        }
        var missing =
            feeding.Count > 0
                ? feeding
                    .Select(x => new MissingBlock(
                        $"Not written yet: fill in {Join(x.Fields.Select(f => f.Label), "and")} in the worksheet "
                            + $"‘{x.Sheet.Worksheet.Title}’.",
                        x.Sheet.Worksheet.Id
                    ))
                    .ToList()
                : [new MissingBlock(NoWorksheetMessage(key, offers))];
        return new CharterSection(key, title, missing, null);
    }

    private static string NoWorksheetMessage(string key, IReadOnlyList<TemplateOffer> offers)
    {
        var titles = offers.Where(o => o.Sections.Contains(key)).Select(o => $"‘{o.Title}’").Distinct().ToList();
        return titles.Count == 0
            ? "No worksheet of this project collects this yet, and no assignment of this cohort's curriculum asks "
                + "for it."
            : $"No worksheet of this project collects this yet — make a copy of {Join(titles, "or")} from the "
                + $"project page.";
    }

    private static string Join(IEnumerable<string> parts, string last)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + $" {last} " + list[^1];
    }

    private static DateTime Utc(DateTime t) =>
        t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
