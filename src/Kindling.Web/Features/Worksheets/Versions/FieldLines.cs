using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Worksheets.Versions;

/// <summary>
/// A field's value as lines of plain text: one per line of prose, list item, table row or framework entry. Diffs compare
/// these lines, and the conflict view and read-only summaries show them.
/// </summary>
public static class FieldLines
{
    public static IReadOnlyList<string> Of(TemplateField field, WorksheetData data)
    {
        var id = field.Id;
        return field.Type switch
        {
            FieldTypes.List => data.Get<List<string>>(id) ?? [],
            FieldTypes.Choice when field.Multiple => data.Get<List<string>>(id) ?? [],
            FieldTypes.Table => (data.Get<List<List<string>>>(id) ?? []).Select(r => string.Join(" | ", r)).ToList(),
            FieldTypes.StakeholderMap => (data.Get<List<Stakeholder>>(id) ?? []).Select(s =>
                $"{s.Name} | {s.Role} | {s.Participation} | power {s.Power}, interest {s.Interest} ({StakeholderGrid.Label(StakeholderGrid.QuadrantOf(s.Power, s.Interest))})").ToList(),
            FieldTypes.Channels => Channels(data.Get<ChannelMap>(id)),
            FieldTypes.Mountain => (data.Get<List<MountainLevel>>(id) ?? []).Select((l, i) =>
                $"{i + 1}. {l.Name} | who: {l.Who} | actions: {l.Actions} | pathways: {l.Pathways} | gives: {l.Gives} | gets: {l.Gets} | recognition: {l.Recognition}").ToList(),
            FieldTypes.Skills => (data.Get<List<SkillRating>>(id) ?? []).Select(r =>
                $"{r.Area}: team {r.Team}, community {r.Community} | gaps: {r.Gaps} | who could fill: {r.WhoCouldFill}").ToList(),
            FieldTypes.Values => Values(data.Get<CoreValues>(id)),
            FieldTypes.Roadmap => (data.Get<List<Milestone>>(id) ?? []).Select(m =>
                $"{(m.Due.Length > 0 ? m.Due : "no date")} {m.Title} | scope: {m.Scope} | resources: {m.Resources} | risks: {m.Risks}").ToList(),
            FieldTypes.Success => Success(data.Get<SuccessDefinition>(id)),
            _ => Split(data.GetText(id)),
        };
    }

    private static List<string> Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n').ToList();

    private static List<string> Channels(ChannelMap? map)
    {
        if (map is null) return [];
        return map.Primary.Select(c => $"Primary: {c.Name} | {c.Purpose}")
            .Concat(map.Asynchronous.Select(c => $"Asynchronous: {c.Name} | {c.Purpose}"))
            .Concat(map.Synchronous.Select(c => $"Synchronous: {c.Name} | {c.Purpose}")).ToList();
    }

    private static List<string> Values(CoreValues? v)
    {
        if (v is null) return [];
        var lines = new List<string>();
        if (v.Chosen.Count > 0) lines.Add("Values: " + string.Join(", ", v.Chosen));
        if (v.Defined.Length > 0) lines.Add("Defined: " + v.Defined);
        lines.AddRange(Split(v.Definition).Select(l => "Definition: " + l));
        lines.AddRange(v.Examples.Select(e => "Example: " + e));
        return lines;
    }

    private static List<string> Success(SuccessDefinition? s)
    {
        if (s is null) return [];
        return Split(s.SixMonths).Select(l => "6 months: " + l)
            .Concat(Split(s.TwelveMonths).Select(l => "12 months: " + l))
            .Concat(Split(s.TwentyFourMonths).Select(l => "24 months: " + l)).ToList();
    }
}
