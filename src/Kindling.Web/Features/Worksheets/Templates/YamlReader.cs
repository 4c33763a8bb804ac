using Kindling.Web.Features.Curricula;
using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Features.Worksheets.Templates;

/// <summary>
/// Reads typed values from one YAML mapping and, unlike the lesson parser's reader, keeps going after a problem:
/// each one is added to the shared error list (file, line, what to change) and the value comes back as null.
/// </summary>
internal sealed class YamlReader(string file, YamlMappingNode map, List<CurriculumError> errors)
{
    public static int Line(YamlNode n) => Math.Max(1, (int)n.Start.Line);

    public void Error(int line, string message) => errors.Add(new CurriculumError(file, line, message));

    private YamlNode? Get(string key) => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    public bool Has(string key) => Get(key) is not null;

    public int LineOf(string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Key is { } k ? Line(k) : Line(map);

    public void RejectUnknown(string[] known, string what)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode s || !known.Contains(s.Value))
                Error(Line(key), $"Unknown {what} key '{(key as YamlScalarNode)?.Value ?? "(not text)"}'. Known keys: {string.Join(", ", known)}.");
    }

    public string? Optional(string key, int max)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is not YamlScalarNode s)
        {
            Error(Line(node), $"'{key}' must be text, not a list or a group of keys.");
            return null;
        }
        var v = (s.Value ?? "").Trim();
        if (v.Length > max)
        {
            Error(Line(node), $"'{key}' is {v.Length} characters long; the limit is {max}.");
            return null;
        }
        return v.Length == 0 ? null : v;
    }

    public string? Required(string key, int max)
    {
        var node = Get(key);
        var v = Optional(key, max);
        if (v is null && (node is null || node is YamlScalarNode { Value: var text } && string.IsNullOrWhiteSpace(text)))
            Error(LineOf(key), $"'{key}' is required and must not be empty.");
        return v;
    }

    /// <summary>A required slug-like value: lower-case letters, digits and single hyphens, at most 80 characters.</summary>
    public string? Slug(string key)
    {
        var v = Required(key, 200);
        if (v is not null && (v.Length > 80 || !Slugs.Pattern().IsMatch(v)))
        {
            Error(LineOf(key), $"'{key}' must be lower-case letters, digits and single hyphens (at most 80), not '{v}'.");
            return null;
        }
        return v;
    }

    public bool Bool(string key)
    {
        var text = Optional(key, 10);
        if (text is null or "false") return false;
        if (text == "true") return true;
        Error(LineOf(key), $"'{key}' must be true or false, not '{text}'.");
        return false;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var node = Get(key);
        if (node is null or YamlSequenceNode) return node as YamlSequenceNode;
        Error(Line(node), $"'{key}' must be a list (lines starting with '- ', or [a, b]).");
        return null;
    }

    /// <summary>A list of distinct, non-empty lines of text; null when absent or wrong.</summary>
    public List<string>? StringList(string key, int maxLength, int maxItems)
    {
        var seq = Sequence(key);
        if (seq is null) return null;
        if (seq.Children.Count > maxItems)
        {
            Error(Line(seq), $"'{key}' has {seq.Children.Count} items; the limit is {maxItems}.");
            return null;
        }
        var list = new List<string>();
        var ok = true;
        foreach (var item in seq.Children)
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text)) { Error(Line(item), $"Each item of '{key}' must be a line of text."); ok = false; }
            else if (text.Length > maxLength) { Error(Line(item), $"An item of '{key}' is {text.Length} characters long; the limit is {maxLength}."); ok = false; }
            else if (list.Contains(text)) { Error(Line(item), $"'{text}' appears twice in '{key}'."); ok = false; }
            else list.Add(text);
        }
        return ok ? list : null;
    }
}
