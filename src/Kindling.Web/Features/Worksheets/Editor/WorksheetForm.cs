using System.Globalization;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>A problem with one input, named so a person can find and fix it; <see cref="InputName"/> links to the input.</summary>
public sealed record FieldError(string FieldId, string InputName, string Message);

/// <summary>
/// Turns saved worksheet data into the form (<see cref="ToForm"/>) and a posted form back into data (<see cref="Read"/>),
/// with validation. Blank rows and items are dropped; limits keep one worksheet to a sensible size.
/// </summary>
public static partial class WorksheetForm
{
    public const int MaxText = 500, MaxLongText = 10_000, MaxCell = 2_000;
    public static readonly string[] StakeholderParts = ["name", "role", "participation", "power", "interest"];
    public static readonly string[] MountainParts = ["name", "who", "actions", "pathways", "gives", "gets", "recognition"];
    public static readonly string[] MilestoneParts = ["title", "due", "scope", "resources", "risks"];
    public static readonly string[] ChannelGroups = ["primary", "asynchronous", "synchronous"];

    public static FormState ToForm(WorksheetTemplate template, WorksheetData data)
    {
        var form = new FormState();
        foreach (var field in template.Fields) WriteField(form, field, data);
        return form;
    }

    /// <summary>The data a form holds, and every problem found. An op like <c>up:{field}:{row}</c> reorders rows first.</summary>
    public static (WorksheetData Data, IReadOnlyList<FieldError> Errors) Read(WorksheetTemplate template, FormState form, string? op = null)
    {
        var data = WorksheetData.Empty();
        var errors = new List<FieldError>();
        foreach (var field in template.Fields) ReadField(form, field, data, errors, op);
        return (data, errors);
    }

    /// <summary>The data as the form would save it: two values compare equal exactly when a person sees them as the same.</summary>
    public static WorksheetData Canonical(WorksheetTemplate template, WorksheetData data) => Read(template, ToForm(template, data)).Data;

    private static void WriteField(FormState form, TemplateField field, WorksheetData data)
    {
        var id = field.Id;
        switch (field.Type)
        {
            case FieldTypes.List:
                form.SetAll(FormState.Key(id), data.Get<List<string>>(id) ?? []);
                break;
            case FieldTypes.Choice when field.Multiple:
                form.SetAll(FormState.Key(id), data.Get<List<string>>(id) ?? []);
                break;
            case FieldTypes.Table:
                var rows = data.Get<List<List<string>>>(id) ?? [];
                WriteRows(form, id, rows.Select(r => Enumerable.Range(0, field.Columns.Count)
                    .Select(c => c < r.Count ? r[c] : "").ToArray()).ToList(), field.Columns.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray());
                break;
            case FieldTypes.StakeholderMap:
                WriteRows(form, id, (data.Get<List<Stakeholder>>(id) ?? []).Select(s => new[]
                    { s.Name, s.Role, s.Participation, Num(s.Power), Num(s.Interest) }).ToList(), StakeholderParts);
                break;
            case FieldTypes.Mountain:
                WriteRows(form, id, (data.Get<List<MountainLevel>>(id) ?? []).Select(l => new[]
                    { l.Name, l.Who, l.Actions, l.Pathways, l.Gives, l.Gets, l.Recognition }).ToList(), MountainParts);
                break;
            case FieldTypes.Roadmap:
                WriteRows(form, id, (data.Get<List<Milestone>>(id) ?? []).Select(m => new[]
                    { m.Title, m.Due, m.Scope, m.Resources, m.Risks }).ToList(), MilestoneParts);
                break;
            case FieldTypes.Channels:
                var map = data.Get<ChannelMap>(id);
                IReadOnlyList<Channel>[] groups = [map?.Primary ?? [], map?.Asynchronous ?? [], map?.Synchronous ?? []];
                for (var g = 0; g < ChannelGroups.Length; g++)
                    WriteRows(form, $"{id}.{ChannelGroups[g]}", groups[g].Select(c => new[] { c.Name, c.Purpose }).ToList(), ["name", "purpose"]);
                break;
            case FieldTypes.Skills:
                var ratings = data.Get<List<SkillRating>>(id) ?? [];
                var all = SkillAreas.All.Select(a => ratings.FirstOrDefault(r => r.Area == a) ?? new SkillRating(a, 0, 0, "", "")).ToList();
                WriteRows(form, id, all.Select(r => new[] { r.Area, Num(r.Team), Num(r.Community), r.Gaps, r.WhoCouldFill }).ToList(),
                    ["area", "team", "community", "gaps", "who"]);
                break;
            case FieldTypes.Values:
                var v = data.Get<CoreValues>(id);
                var choices = ValueChoicesOf(field);
                var chosen = v?.Chosen ?? [];
                form.SetAll(FormState.Key(id, "chosen"), chosen.Where(c => choices.Contains(c)));
                form.SetAll(FormState.Key(id, "own"), chosen.Where(c => !choices.Contains(c)));
                form.Set(FormState.Key(id, "defined"), v?.Defined);
                form.Set(FormState.Key(id, "definition"), v?.Definition);
                form.SetAll(FormState.Key(id, "examples"), v?.Examples ?? []);
                break;
            case FieldTypes.Success:
                var s = data.Get<SuccessDefinition>(id);
                form.Set(FormState.Key(id, "six"), s?.SixMonths);
                form.Set(FormState.Key(id, "twelve"), s?.TwelveMonths);
                form.Set(FormState.Key(id, "twentyfour"), s?.TwentyFourMonths);
                break;
            default: // text, long-text, date, single choice
                form.Set(FormState.Key(id), data.GetText(id));
                break;
        }
    }

    private static void WriteRows(FormState form, string key, IReadOnlyList<string[]> rows, string[] parts)
    {
        form.SetRows(FormState.Key(key), rows.Count);
        for (var r = 0; r < rows.Count; r++)
            for (var p = 0; p < parts.Length; p++)
                form.Set(FormState.Key(key, r, parts[p]), rows[r][p]);
    }

    /// <summary>The values a values field offers: its template's options, else the shipped list.</summary>
    public static IReadOnlyList<string> ValueChoicesOf(TemplateField field) =>
        field.Options.Count > 0 ? field.Options : FrameworkDefaults.ValueChoices;

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
