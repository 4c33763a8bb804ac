using System.Globalization;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Worksheets.Editor;

public static partial class WorksheetForm
{
    private sealed class Reader(FormState form, TemplateField tf, List<FieldError> errors)
    {
        public string Label => $"‘{tf.Label}’";

        public string Text(string key, int max, string what)
        {
            var value = Clean(form.Get(key));
            if (value.Length > max) errors.Add(new(tf.Id, key, $"{what} is too long: keep it to {max:N0} characters (it has {value.Length:N0})."));
            return value;
        }

        public int? Number(string key, int min, int max, string what)
        {
            var raw = form.Get(key).Trim();
            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors.Add(new(tf.Id, key, $"{what} must be a whole number from {min} to {max}."));
            return null;
        }

        public string Date(string key, string what)
        {
            var raw = form.Get(key).Trim();
            if (raw.Length == 0) return "";
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(new(tf.Id, key, $"{what} must be a date like 2026-03-31."));
            return raw.Length > 40 ? raw[..40] : raw;
        }

        public List<string> Items(string key, int max, string what)
        {
            var items = form.All(key).Select(Clean).Where(s => s.Length > 0).ToList();
            if (items.Count > FormState.MaxRows) errors.Add(new(tf.Id, key, $"{what} has {items.Count} items; keep it to {FormState.MaxRows}."));
            foreach (var item in items.Where(i => i.Length > max).Take(1))
                errors.Add(new(tf.Id, key, $"An item in {what} is too long: keep each to {max:N0} characters."));
            return items;
        }

        /// <summary>Rows as rendered (after an up/down op), minus rows ticked "remove" and rows left blank.</summary>
        public List<(int Row, string[] Cells)> Rows(string key, string[] parts, string? op, params string[] ignoredForBlank)
        {
            var n = form.Rows(FormState.Key(key));
            var order = Enumerable.Range(0, n).ToList();
            if (op is not null && op.Split(':') is [var verb and ("up" or "down"), var target, var at] && target == key
                && int.TryParse(at, out var i) && i >= 0 && i < n)
            {
                var j = verb == "up" ? i - 1 : i + 1;
                if (j >= 0 && j < n) (order[i], order[j]) = (order[j], order[i]);
            }
            var rows = new List<(int, string[])>();
            foreach (var r in order)
            {
                if (form.Get(FormState.Key(key, r, "remove")) is "on" or "true") continue;
                var cells = parts.Select(p => form.Get(FormState.Key(key, r, p))).ToArray();
                var blank = parts.Select((p, c) => (p, c)).All(x => ignoredForBlank.Contains(x.p) || string.IsNullOrWhiteSpace(cells[x.c]));
                if (!blank) rows.Add((r, cells));
            }
            if (rows.Count > FormState.MaxRows)
                errors.Add(new(tf.Id, FormState.Key(key, "rows"), $"{Label} has {rows.Count} rows; keep it to {FormState.MaxRows}."));
            return rows;
        }

        public void Error(string key, string message) => errors.Add(new(tf.Id, key, message));
    }

    private static string Clean(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    private static void ReadField(FormState form, TemplateField field, WorksheetData data, List<FieldError> errors, string? op)
    {
        var id = field.Id;
        var key = FormState.Key(id);
        var read = new Reader(form, field, errors);
        var label = read.Label;
        switch (field.Type)
        {
            case FieldTypes.Text:
                data.Set(id, read.Text(key, MaxText, label));
                break;
            case FieldTypes.LongText:
                data.Set(id, read.Text(key, MaxLongText, label));
                break;
            case FieldTypes.Date:
                data.Set(id, read.Date(key, label));
                break;
            case FieldTypes.Choice when field.Multiple:
                var picked = form.All(key).Where(v => v.Length > 0).Distinct().ToList();
                if (picked.Any(p => !field.Options.Contains(p))) read.Error(key, $"Pick only from the listed options for {label}.");
                data.Set(id, field.Options.Where(picked.Contains).ToList());
                break;
            case FieldTypes.Choice:
                var one = form.Get(key);
                if (one.Length > 0 && !field.Options.Contains(one)) { read.Error(key, $"Pick one of the listed options for {label}."); one = ""; }
                data.Set(id, one);
                break;
            case FieldTypes.List:
                data.Set(id, read.Items(key, MaxText, label));
                break;
            case FieldTypes.Table:
                var cols = field.Columns.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray();
                data.Set(id, read.Rows(id, cols, op).Select(r => r.Cells.Select((_, c) =>
                    read.Text(FormState.Key(id, r.Row, c), MaxCell, $"‘{field.Columns[c]}’ in row {r.Row + 1} of {label}")).ToList()).ToList());
                break;
            case FieldTypes.StakeholderMap:
                data.Set(id, ReadStakeholders(read, id, op));
                break;
            case FieldTypes.Mountain:
                data.Set(id, read.Rows(id, MountainParts, op).Select(r =>
                {
                    string T(int p) => read.Text(FormState.Key(id, r.Row, MountainParts[p]), MaxCell, $"A level of {label}");
                    if (r.Cells[0].Trim().Length == 0) read.Error(FormState.Key(id, r.Row, "name"), $"Give level {r.Row + 1} of {label} a name.");
                    return new MountainLevel(T(0), T(1), T(2), T(3), T(4), T(5), T(6));
                }).ToList());
                break;
            case FieldTypes.Roadmap:
                data.Set(id, read.Rows(id, MilestoneParts, op).Select(r =>
                {
                    var title = read.Text(FormState.Key(id, r.Row, "title"), MaxText, $"The title in row {r.Row + 1} of {label}");
                    var name = title.Length > 0 ? $"‘{title}’" : $"row {r.Row + 1} of {label}";
                    if (title.Length == 0) read.Error(FormState.Key(id, r.Row, "title"), $"Give the milestone in row {r.Row + 1} of {label} a title.");
                    string T(string p) => read.Text(FormState.Key(id, r.Row, p), MaxCell, $"The {p} of {name}");
                    return new Milestone(title, read.Date(FormState.Key(id, r.Row, "due"), $"The due date of {name}"), T("scope"), T("resources"), T("risks"));
                }).ToList());
                break;
            case FieldTypes.Channels:
                List<Channel> Group(string g, string name) => read.Rows($"{id}.{g}", ["name", "purpose"], op).Select(r =>
                {
                    var n = read.Text(FormState.Key(id, g, r.Row, "name"), MaxText, $"A {name} channel name in {label}");
                    if (n.Length == 0) read.Error(FormState.Key(id, g, r.Row, "name"), $"Give the {name} channel in row {r.Row + 1} of {label} a name.");
                    return new Channel(n, read.Text(FormState.Key(id, g, r.Row, "purpose"), MaxCell, $"The purpose of {name} channel ‘{n}’"));
                }).ToList();
                data.Set(id, new ChannelMap(Group("primary", "primary"), Group("asynchronous", "asynchronous"), Group("synchronous", "synchronous")));
                break;
            case FieldTypes.Skills:
                data.Set(id, SkillAreas.All.Select((area, i) => new SkillRating(area,
                    read.Number(FormState.Key(id, i, "team"), 0, SkillAreas.Max, $"The team rating for {area} skills") ?? 0,
                    read.Number(FormState.Key(id, i, "community"), 0, SkillAreas.Max, $"The community rating for {area} skills") ?? 0,
                    read.Text(FormState.Key(id, i, "gaps"), MaxCell, $"The gaps for {area} skills"),
                    read.Text(FormState.Key(id, i, "who"), MaxCell, $"Who could fill the {area} gaps"))).ToList());
                break;
            case FieldTypes.Values:
                data.Set(id, ReadValues(read, form, field));
                break;
            case FieldTypes.Success:
                data.Set(id, new SuccessDefinition(
                    read.Text(FormState.Key(id, "six"), MaxLongText, $"Success at 6 months in {label}"),
                    read.Text(FormState.Key(id, "twelve"), MaxLongText, $"Success at 12 months in {label}"),
                    read.Text(FormState.Key(id, "twentyfour"), MaxLongText, $"Success at 24 months in {label}")));
                break;
        }
    }

    private static List<Stakeholder> ReadStakeholders(Reader read, string id, string? op) => read.Rows(id, StakeholderParts, op).Select(r =>
    {
        var name = read.Text(FormState.Key(id, r.Row, "name"), MaxText, $"The stakeholder name in row {r.Row + 1}");
        var who = name.Length > 0 ? $"‘{name}’" : $"row {r.Row + 1} of {read.Label}";
        if (name.Length == 0) read.Error(FormState.Key(id, r.Row, "name"), $"Name the stakeholder in row {r.Row + 1} of {read.Label}.");
        var power = read.Number(FormState.Key(id, r.Row, "power"), StakeholderGrid.Min, StakeholderGrid.Max, $"Power for {who}");
        var interest = read.Number(FormState.Key(id, r.Row, "interest"), StakeholderGrid.Min, StakeholderGrid.Max, $"Interest for {who}");
        return new Stakeholder(name, read.Text(FormState.Key(id, r.Row, "role"), MaxText, $"The role of {who}"),
            read.Text(FormState.Key(id, r.Row, "participation"), MaxCell, $"The nature of participation of {who}"),
            power ?? StakeholderGrid.Min, interest ?? StakeholderGrid.Min);
    }).ToList();

    private static CoreValues ReadValues(Reader read, FormState form, TemplateField field)
    {
        var id = field.Id;
        var choices = ValueChoicesOf(field);
        var posted = form.All(FormState.Key(id, "chosen"));
        var ticked = choices.Where(posted.Contains); // in list order, whatever order they arrive in
        var own = read.Items(FormState.Key(id, "own"), 80, $"your own values in {read.Label}");
        var chosen = ticked.Concat(own).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count > 3)
            read.Error(FormState.Key(id, "chosen"), $"Pick at most three values for {read.Label} (you picked {chosen.Count}).");
        var defined = Clean(form.Get(FormState.Key(id, "defined")));
        if (defined.Length > 0 && !chosen.Contains(defined, StringComparer.OrdinalIgnoreCase))
            read.Error(FormState.Key(id, "defined"), $"The value you define in {read.Label} must be one of the values you picked.");
        return new CoreValues(chosen, defined,
            read.Text(FormState.Key(id, "definition"), MaxLongText, $"The definition in {read.Label}"),
            read.Items(FormState.Key(id, "examples"), MaxCell, $"the examples in {read.Label}"));
    }
}
