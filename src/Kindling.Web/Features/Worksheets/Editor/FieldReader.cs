using System.Globalization;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>
/// Reads one field's inputs from a posted form, cleaned, and collects a problem a person can fix for each bad input.
/// Field types use it to turn the form into their value (see <see cref="Fields.FieldType.FromForm"/>).
/// </summary>
/// <param name="op">The button pressed: <c>up:{rowKey}:{row}</c> or <c>down:…</c> reorders rows first.</param>
public sealed class FieldReader(FormState form, TemplateField of, List<FieldError> errors, string? op)
{
    public FormState Form => form;
    public TemplateField Field => of;
    public string Label => $"‘{of.Label}’";

    /// <summary>The input name of a part of this field (<c>f.{field}.{parts}</c>).</summary>
    public string Key(params object[] parts) => FormState.Key(of.Id, parts);

    public static string Clean(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    public string Text(string key, int max, string what)
    {
        var value = Clean(form.Get(key));
        if (value.Length > max)
            Error(key, $"{what} is too long: keep it to {max:N0} characters (it has {value.Length:N0}).");
        return value;
    }

    public int? Number(string key, int min, int max, string what)
    {
        var raw = form.Get(key).Trim();
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        Error(key, $"{what} must be a whole number from {min} to {max}.");
        return null;
    }

    public string Date(string key, string what)
    {
        var raw = form.Get(key).Trim();
        if (raw.Length == 0)
            return "";
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Error(key, $"{what} must be a date like 2026-03-31.");
        return raw.Length > 40 ? raw[..40] : raw;
    }

    public List<string> Items(string key, int max, string what)
    {
        var items = form.All(key).Select(Clean).Where(s => s.Length > 0).ToList();
        if (items.Count > FormState.MaxRows)
            Error(key, $"{what} has {items.Count} items; keep it to {FormState.MaxRows}.");
        foreach (var item in items.Where(i => i.Length > max).Take(1))
            Error(key, $"An item in {what} is too long: keep each to {max:N0} characters.");
        return items;
    }

    /// <summary>Rows as rendered (after an up/down op), minus rows ticked "remove" and rows left blank.</summary>
    /// <param name="key">The row key after <c>f.</c>: the field id, or <c>{field}.{group}</c>.</param>
    public List<(int Row, string[] Cells)> Rows(string key, string[] parts)
    {
        var n = form.Rows(FormState.Key(key));
        var order = Enumerable.Range(0, n).ToList();
        if (
            op is not null
            && op.Split(':') is [var verb and ("up" or "down"), var target, var at]
            && target == key
            && int.TryParse(at, out var i)
            && i >= 0
            && i < n
        )
        {
            var j = verb == "up" ? i - 1 : i + 1;
            if (j >= 0 && j < n)
                (order[i], order[j]) = (order[j], order[i]);
        }
        var rows = new List<(int, string[])>();
        foreach (var r in order)
        {
            if (form.Get(FormState.Key(key, r, "remove")) is "on" or "true")
                continue;
            var cells = parts.Select(p => form.Get(FormState.Key(key, r, p))).ToArray();
            if (!cells.All(string.IsNullOrWhiteSpace))
                rows.Add((r, cells));
        }
        if (rows.Count > FormState.MaxRows)
            Error(FormState.Key(key, "rows"), $"{Label} has {rows.Count} rows; keep it to {FormState.MaxRows}.");
        return rows;
    }

    public void Error(string key, string message) => errors.Add(new(of.Id, key, message));
}
