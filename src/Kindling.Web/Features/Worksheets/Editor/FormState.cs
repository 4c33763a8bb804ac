using Microsoft.AspNetCore.Http;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>
/// The worksheet form as name → values, the same shape whether it came from a POST or was made from saved data. Pages
/// always render editors from one of these, so a form that failed validation shows exactly what was typed.
/// Names (the contract with the partials and wwwroot/js/worksheets): <c>f.{field}</c> for single values and repeated
/// list items; <c>f.{field}.rows</c> with <c>f.{field}.{row}.{part}</c> for row editors; <c>f.{field}.{group}.rows</c>
/// with <c>f.{field}.{group}.{row}.{part}</c> for channels.
/// </summary>
public sealed class FormState
{
    public const int MaxRows = 100;
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static FormState From(IFormCollection form)
    {
        var state = new FormState();
        foreach (var (key, values) in form)
            if (key.StartsWith("f.", StringComparison.Ordinal))
                state._values[key] = values.Select(v => v ?? "").ToList();
        return state;
    }

    public static string Key(string fieldId, params object[] parts) =>
        parts.Length == 0 ? $"f.{fieldId}" : $"f.{fieldId}." + string.Join('.', parts);

    /// <summary>An element id for an input name (ids avoid dots so they work in CSS selectors and fragments).</summary>
    public static string IdOf(string name) => "in_" + name.Replace('.', '_');

    public string Get(string key) => _values.TryGetValue(key, out var v) && v.Count > 0 ? v[0] : "";

    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var v) ? v : [];

    public bool Has(string key) => _values.ContainsKey(key);

    public bool IsChecked(string key, string value) => All(key).Contains(value, StringComparer.Ordinal);

    public int Rows(string key)
    {
        var n = int.TryParse(Get(key + ".rows"), out var r) ? r : 0;
        return Math.Clamp(n, 0, MaxRows);
    }

    public void Set(string key, string? value) => _values[key] = [value ?? ""];

    public void SetAll(string key, IEnumerable<string> values) => _values[key] = values.ToList();

    public void SetRows(string key, int rows) =>
        Set(key + ".rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A row editor's rows: <c>{key}.rows</c>, and <c>{key}.{row}.{part}</c> for each cell.</summary>
    public void SetRows(string key, IReadOnlyList<string[]> rows, string[] parts)
    {
        SetRows(key, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        for (var p = 0; p < parts.Length; p++)
            Set($"{key}.{r}.{parts[p]}", rows[r][p]);
    }

    /// <summary>Drops a field's entries (used when "keep theirs" replaces what was typed).</summary>
    public void RemoveField(string fieldId)
    {
        var prefix = Key(fieldId);
        foreach (
            var k in _values
                .Keys.Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal))
                .ToList()
        )
            _values.Remove(k);
    }

    public void CopyField(string fieldId, FormState from)
    {
        RemoveField(fieldId);
        var prefix = Key(fieldId);
        foreach (var (k, v) in from._values)
            if (k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal))
                _values[k] = [.. v];
    }
}
