using System.Globalization;
using System.Text.Json;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;

namespace Kindling.Web.Features.Charter;

/// <summary>What one worksheet field contributes to the charter: nothing when the person has not written it yet.</summary>
public static class FieldBlocks
{
    public static IReadOnlyList<CharterBlock> Of(TemplateField field, WorksheetData data)
    {
        var label = field.Label;
        switch (field.Type)
        {
            case FieldTypes.Text or FieldTypes.LongText:
                return Text(data.GetText(field.Id)) is { } text ? [new ParagraphBlock(label, text)] : [];
            case FieldTypes.Date:
                return Text(data.GetText(field.Id)) is { } date ? [new ParagraphBlock(label, FormatDate(date))] : [];
            case FieldTypes.List:
                return Items(data.Get<List<string>>(field.Id)) is { Count: > 0 } items ? [new ListBlock(label, items)] : [];
            case FieldTypes.Choice:
                if (Items(data.Get<List<string>>(field.Id)) is { Count: > 0 } picked) return [new ListBlock(label, picked)];
                return Text(data.GetText(field.Id)) is { } one ? [new ParagraphBlock(label, one)] : [];
            case FieldTypes.Table:
                var columns = field.Columns.Count > 0 ? field.Columns : ["Value"];
                var rows = (data.Get<List<List<string?>>>(field.Id) ?? [])
                    .Select(r => (IReadOnlyList<string>)columns.Select((_, i) => i < r.Count ? (r[i] ?? "").Trim() : "").ToList())
                    .Where(r => r.Any(c => c.Length > 0)).ToList();
                return rows.Count > 0 ? [new TableBlock(label, columns, rows)] : [];
            case FieldTypes.StakeholderMap:
                return Stakeholders(label, data.Get<List<Stakeholder>>(field.Id));
            case FieldTypes.Channels:
                return Channels(label, data.Get<ChannelMap>(field.Id));
            case FieldTypes.Mountain:
                return Mountain(label, data.Get<List<MountainLevel>>(field.Id));
            case FieldTypes.Skills:
                return Skills(label, data.Get<List<SkillRating>>(field.Id));
            case FieldTypes.Values:
                return Values(data.Get<CoreValues>(field.Id));
            case FieldTypes.Roadmap:
                return Roadmap(label, data.Get<List<Milestone>>(field.Id));
            case FieldTypes.Success:
                return Success(data.Get<SuccessDefinition>(field.Id));
            default:
                return [];
        }
    }

    private static IReadOnlyList<CharterBlock> Stakeholders(string label, List<Stakeholder>? value)
    {
        var list = (value ?? []).Where(s => Has(s.Name)).ToList();
        if (list.Count == 0) return [];
        return
        [
            Picture(FieldTypes.StakeholderMap, "Power and interest grid", list),
            new TableBlock(label, ["Stakeholder", "Role", "Nature of participation", "Power", "Interest", "Approach"],
                list.Select(s => Row(s.Name, s.Role, s.Participation, s.Power.ToString(CultureInfo.InvariantCulture),
                    s.Interest.ToString(CultureInfo.InvariantCulture), StakeholderGrid.Label(StakeholderGrid.QuadrantOf(s.Power, s.Interest)))).ToList()),
        ];
    }

    private static IReadOnlyList<CharterBlock> Channels(string label, ChannelMap? value)
    {
        if (value is null) return [];
        static List<Channel> Named(IReadOnlyList<Channel>? c) => (c ?? []).Where(x => Has(x.Name)).ToList();
        var map = new ChannelMap(Named(value.Primary), Named(value.Asynchronous), Named(value.Synchronous));
        var rows = map.Primary.Select(c => Row("Primary", c.Name, c.Purpose))
            .Concat(map.Asynchronous.Select(c => Row("Asynchronous", c.Name, c.Purpose)))
            .Concat(map.Synchronous.Select(c => Row("Synchronous", c.Name, c.Purpose))).ToList();
        return rows.Count == 0 ? [] : [Picture(FieldTypes.Channels, "Engagement channels", map), new TableBlock(label, ["Kind", "Platform", "Used for"], rows)];
    }

    private static IReadOnlyList<CharterBlock> Mountain(string label, List<MountainLevel>? value)
    {
        var levels = (value ?? []).Where(l => Has(l.Name)).ToList();
        if (!levels.Any(l => Has(l.Who) || Has(l.Actions) || Has(l.Pathways) || Has(l.Gives) || Has(l.Gets) || Has(l.Recognition))) return [];
        if (IsUntouched(levels, FrameworkDefaults.MountainLevels)) return [];
        var blocks = new List<CharterBlock> { Picture(FieldTypes.Mountain, label, levels) };
        var n = 0;
        foreach (var l in levels)
        {
            n++;
            var items = new List<string>();
            void Add(string what, string text) { if (Has(text)) items.Add($"{what}: {text.Trim()}"); }
            Add("Who is there", l.Who); Add("What they do", l.Actions); Add("What helps them move up", l.Pathways);
            Add("What they give", l.Gives); Add("What they get", l.Gets); Add("How they are recognised", l.Recognition);
            blocks.Add(items.Count > 0 ? new ListBlock($"{n}. {l.Name.Trim()}", items) : new ParagraphBlock($"{n}. {l.Name.Trim()}", "Not described yet."));
        }
        return blocks;
    }

    /// <summary>
    /// A fresh copy starts with example levels (<see cref="FrameworkDefaults.MountainLevels"/>); a mountain nobody has
    /// changed is the example, not the community's own, so the charter treats it as not written.
    /// </summary>
    public static bool IsUntouched(IReadOnlyList<MountainLevel> levels, IReadOnlyList<MountainLevel> defaults)
    {
        static string Key(MountainLevel l) => string.Join("\u001f", new[] { l.Name, l.Who, l.Actions, l.Pathways, l.Gives, l.Gets, l.Recognition }.Select(x => (x ?? "").Trim()));
        var examples = defaults.Select(Key).ToHashSet(StringComparer.Ordinal);
        return examples.Count > 0 && levels.All(l => examples.Contains(Key(l)));
    }

    private static IReadOnlyList<CharterBlock> Skills(string label, List<SkillRating>? value)
    {
        var list = (value ?? []).Where(r => Has(r.Area)).ToList();
        if (!list.Any(r => r.Team > 0 || r.Community > 0 || Has(r.Gaps) || Has(r.WhoCouldFill))) return [];
        return
        [
            Picture(FieldTypes.Skills, "Community skills wheel", list),
            new TableBlock(label, ["Skill area", "Team (0–5)", "Community (0–5)", "Gaps", "Who could fill them"],
                list.Select(r => Row(r.Area, r.Team.ToString(CultureInfo.InvariantCulture), r.Community.ToString(CultureInfo.InvariantCulture), r.Gaps, r.WhoCouldFill)).ToList()),
        ];
    }

    private static IReadOnlyList<CharterBlock> Values(CoreValues? value)
    {
        if (value is null) return [];
        var chosen = Items(value.Chosen?.ToList());
        var examples = Items(value.Examples?.ToList());
        var blocks = new List<CharterBlock>();
        if (chosen.Count > 0) blocks.Add(Picture(FieldTypes.Values, "Core values", value with { Chosen = chosen, Examples = examples }));
        if (chosen.Count > 0) blocks.Add(new ListBlock("Our core values", chosen));
        var defined = Text(value.Defined);
        if (Text(value.Definition) is { } definition) blocks.Add(new ParagraphBlock(defined is null ? "What we mean" : $"What “{defined}” means", definition));
        if (examples.Count > 0) blocks.Add(new ListBlock(defined is null ? "In action" : $"“{defined}” in action", examples));
        return blocks;
    }

    private static IReadOnlyList<CharterBlock> Roadmap(string label, List<Milestone>? value)
    {
        var list = (value ?? []).Where(m => Has(m.Title))
            .OrderBy(m => DateOnly.TryParseExact(m.Due, "yyyy-MM-dd", out var d) ? d : DateOnly.MaxValue).ToList();
        if (list.Count == 0) return [];
        return
        [
            Picture(FieldTypes.Roadmap, "Roadmap timeline", list),
            new TableBlock(label, ["Milestone", "Due", "Scope", "Resources", "Risks"],
                list.Select(m => Row(m.Title, FormatDate(m.Due ?? ""), m.Scope, m.Resources, m.Risks)).ToList()),
        ];
    }

    private static IReadOnlyList<CharterBlock> Success(SuccessDefinition? value)
    {
        if (value is null) return [];
        var blocks = new List<CharterBlock>();
        if (Text(value.SixMonths) is { } six) blocks.Add(new ParagraphBlock("In 6 months", six));
        if (Text(value.TwelveMonths) is { } twelve) blocks.Add(new ParagraphBlock("In 12 months", twelve));
        if (Text(value.TwentyFourMonths) is { } two) blocks.Add(new ParagraphBlock("In 24 months", two));
        if (blocks.Count > 0) blocks.Insert(0, Picture(FieldTypes.Success, "Success over time", value));
        return blocks;
    }

    private static DiagramBlock Picture<T>(string kind, string title, T value) =>
        new(kind, title, JsonSerializer.SerializeToElement(value, WorksheetData.Json));

    private static IReadOnlyList<string> Row(params string?[] cells) => cells.Select(c => (c ?? "").Trim()).ToList();

    private static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);

    private static string? Text(string? s) => Has(s) ? s!.Replace("\r\n", "\n").Trim() : null;

    private static List<string> Items(List<string>? items) => (items ?? []).Where(Has).Select(i => i.Trim()).ToList();

    private static string FormatDate(string iso) =>
        DateOnly.TryParseExact(iso.Trim(), "yyyy-MM-dd", out var d) ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : iso.Trim();
}
