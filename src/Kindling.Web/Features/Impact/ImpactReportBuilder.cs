using System.Text.Json;
using Kindling.Domain;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Impact;

/// <summary>
/// Builds an <see cref="ImpactReport"/> from worksheets and their versions. An indicator is followed across snapshots
/// by its field and its name (ignoring case and spacing); one that was dropped keeps its row, empty from then on.
/// </summary>
public static class ImpactReportBuilder
{
    /// <summary>Does the worksheet have a field of impact indicators?</summary>
    public static bool HasIndicators(Worksheet worksheet) =>
        TemplateOf(worksheet) is { } t && FieldShapes.Holding<List<ImpactIndicator>>(t).Count > 0;

    /// <param name="sheets">Worksheets with indicators, each with its versions (only labelled ones are used).</param>
    public static ImpactReport Build(
        string projectName,
        IEnumerable<(Worksheet Worksheet, IEnumerable<WorksheetVersion> Versions)> sheets,
        DateTime nowUtc
    ) =>
        new(
            projectName.Trim(),
            Utc(nowUtc),
            sheets.Select(s => Sheet(s.Worksheet, s.Versions)).OfType<ImpactSheet>().ToList()
        );

    private readonly record struct Key(string FieldId, string Name, int Occurrence);

    private static ImpactSheet? Sheet(Worksheet worksheet, IEnumerable<WorksheetVersion> versions)
    {
        if (TemplateOf(worksheet) is not { } template)
            return null;
        var fields = FieldShapes.Holding<List<ImpactIndicator>>(template);
        if (fields.Count == 0)
            return null;
        var labelled = versions
            .Where(v => v.WorksheetId == worksheet.Id && !string.IsNullOrWhiteSpace(v.Label))
            .OrderBy(v => v.Number)
            .Select(v => (Snapshot: new ImpactSnapshot(v.Label!.Trim(), Utc(v.SavedUtc), false), v.DataJson));
        var snapshots = labelled
            .Append((Snapshot: new ImpactSnapshot("Now", Utc(worksheet.UpdatedUtc), true), worksheet.DataJson))
            .ToList();
        var listed = snapshots.Select(s => Indicators(fields, s.DataJson)).ToList();
        var found = listed.Select(l => l.ToDictionary(x => x.Key, x => x.Indicator)).ToList();
        var order = new List<Key>();
        for (var i = listed.Count - 1; i >= 0; i--) // now first, then those dropped since, the latest drop first
            order.AddRange(listed[i].Select(x => x.Key).Where(k => !order.Contains(k)));
        var rows = order
            .Select(key =>
            {
                var latest = found.Last(f => f.ContainsKey(key))[key];
                return new ImpactRow(
                    latest.Indicator.Trim(),
                    latest.Horizon,
                    latest.Success,
                    latest.Baseline,
                    latest.Target,
                    latest.Source,
                    latest.Audience,
                    found
                        .Select(f => f.TryGetValue(key, out var i) ? new ImpactCell(i.Status, i.Current) : null)
                        .ToList()
                );
            })
            .ToList();
        return new ImpactSheet(
            worksheet.Id,
            worksheet.Title,
            Utc(worksheet.UpdatedUtc),
            snapshots.Select(s => s.Snapshot).ToList(),
            rows
        );
    }

    /// <summary>The named indicators a snapshot holds with their keys, in the order the charter shows them.</summary>
    private static List<(Key Key, ImpactIndicator Indicator)> Indicators(
        IReadOnlyList<TemplateField> fields,
        string json
    )
    {
        var result = new List<(Key Key, ImpactIndicator Indicator)>();
        WorksheetData data;
        try
        {
            data = WorksheetData.Parse(json);
        }
        catch (JsonException)
        {
            return result; // an unreadable version tells nothing
        }
        foreach (var field in fields)
        {
            var named = (data.Get<List<ImpactIndicator>>(field.Id) ?? [])
                .Where(i => i is not null && i.IsNamed)
                .OrderBy(i => i.Horizon);
            foreach (var indicator in named)
            {
                var name = TextLayout.Clean(indicator.Indicator).ToLowerInvariant();
                var n = 1 + result.Count(x => x.Key.FieldId == field.Id && x.Key.Name == name);
                result.Add((new Key(field.Id, name, n), indicator));
            }
        }
        return result;
    }

    private static WorksheetTemplate? TemplateOf(Worksheet worksheet)
    {
        try
        {
            return MakeCopy.TemplateOf(worksheet);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DateTime Utc(DateTime t) =>
        t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
