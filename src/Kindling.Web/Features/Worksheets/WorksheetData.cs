using System.Text.Json;

namespace Kindling.Web.Features.Worksheets;

/// <summary>
/// A worksheet's values by field id, kept as JSON (camelCase). Each field type's class (under <c>Fields/</c>) says the
/// shape of its value; the framework tools use the records in <c>Features/Frameworks/FrameworkValues.cs</c>.
/// </summary>
public sealed class WorksheetData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SortedDictionary<string, JsonElement> _values;

    private WorksheetData(SortedDictionary<string, JsonElement> values) => _values = values;

    public static WorksheetData Empty() => new(new(StringComparer.Ordinal));

    public static WorksheetData Parse(string json)
    {
        var map =
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
                string.IsNullOrWhiteSpace(json) ? "{}" : json,
                Json
            ) ?? [];
        return new(new(map, StringComparer.Ordinal));
    }

    public string ToJson() => JsonSerializer.Serialize(_values, Json);

    public IEnumerable<string> FieldIds => _values.Keys;

    public bool Has(string fieldId) => _values.ContainsKey(fieldId);

    public T? Get<T>(string fieldId)
    {
        if (!_values.TryGetValue(fieldId, out var e) || e.ValueKind == JsonValueKind.Null)
            return default;
        try
        {
            return e.Deserialize<T>(Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public string GetText(string fieldId) => Get<string>(fieldId) ?? "";

    public void Set<T>(string fieldId, T value) => _values[fieldId] = JsonSerializer.SerializeToElement(value, Json);

    public void Remove(string fieldId) => _values.Remove(fieldId);

    /// <summary>The field's value as canonical JSON ("null" when absent): two values are equal when these
    /// are.</summary>
    public string RawOf(string fieldId) => _values.TryGetValue(fieldId, out var e) ? e.GetRawText() : "null";

    public WorksheetData Clone() => Parse(ToJson());
}
