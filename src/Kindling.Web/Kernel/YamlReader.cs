using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Kernel;

/// <summary>
/// The one way a curriculum file's values are read from a YAML mapping (<see cref="YamlLoader"/> loads it): typed
/// values, each problem named with the file, the line and what to change. A reader made with the error list keeps
/// going after a problem (the value comes back as null); one made with <see cref="StopAtFirstError"/> throws
/// <see cref="FirstError"/> at the first, for files rejected at their first problem (lessons).
/// </summary>
internal sealed class YamlReader
{
    /// <summary>The longest text a value may have when the caller names no limit.</summary>
    public const int DefaultMax = 2000;

    private readonly string _file;
    private readonly YamlMappingNode _map;
    private readonly List<CurriculumError>? _errors;
    private readonly int _lineOffset;

    public YamlReader(string file, YamlMappingNode map, List<CurriculumError> errors)
        : this(file, map, errors, 0) { }

    private YamlReader(string file, YamlMappingNode map, List<CurriculumError>? errors, int lineOffset) =>
        (_file, _map, _errors, _lineOffset) = (file, map, errors, lineOffset);

    /// <param name="lineOffset">Lines of the file before the YAML text (1 for front matter after its '---').</param>
    public static YamlReader StopAtFirstError(string file, YamlMappingNode map, int lineOffset = 0) =>
        new(file, map, null, lineOffset);

    /// <summary>The first problem of a reader made with <see cref="StopAtFirstError"/>.</summary>
    public sealed class FirstError(CurriculumError error) : Exception(error.Message)
    {
        public CurriculumError Error { get; } = error;
    }

    /// <summary>A reader of a nested mapping of the same file, reporting the same way.</summary>
    public YamlReader For(YamlMappingNode map) => new(_file, map, _errors, _lineOffset);

    public static int Line(YamlNode n) => Math.Max(1, (int)n.Start.Line);

    /// <summary>The line of a node in the file (<see cref="Line"/> counts from the start of the YAML text).</summary>
    public int LineIn(YamlNode n) => Line(n) + _lineOffset;

    public void Error(int line, string message)
    {
        var error = new CurriculumError(_file, line, message);
        if (_errors is null)
            throw new FirstError(error);
        _errors.Add(error);
    }

    /// <summary>A problem to throw, for a reader made with <see cref="StopAtFirstError"/>.</summary>
    public FirstError Fail(int line, string message) => new(new CurriculumError(_file, line, message));

    private KeyValuePair<YamlNode, YamlNode> Entry(string key) =>
        _map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key);

    private YamlNode? Get(string key) => Entry(key).Value;

    public bool Has(string key) => Get(key) is not null;

    public int LineOf(string key) => Entry(key).Key is { } k ? LineIn(k) : LineIn(_map);

    public void RejectUnknown(string[] known, string what)
    {
        foreach (var key in _map.Children.Keys)
            if (key is not YamlScalarNode s || !known.Contains(s.Value))
                Error(
                    LineIn(key),
                    $"Unknown {what} key '{(key as YamlScalarNode)?.Value ?? "(not text)"}'. "
                        + $"Known keys: {string.Join(", ", known)}."
                );
    }

    public string? Optional(string key, int max = DefaultMax)
    {
        var node = Get(key);
        if (node is null)
            return null;
        if (node is not YamlScalarNode s)
        {
            Error(LineIn(node), $"'{key}' must be text, not a list or a group of keys.");
            return null;
        }
        var v = (s.Value ?? "").Trim();
        if (v.Length > max)
        {
            Error(LineIn(node), $"'{key}' is {v.Length} characters long; the limit is {max}.");
            return null;
        }
        return v.Length == 0 ? null : v;
    }

    public string? Required(string key, int max = DefaultMax)
    {
        var node = Get(key);
        var v = Optional(key, max);
        if (
            v is null
            && (node is null || node is YamlScalarNode { Value: var text } && string.IsNullOrWhiteSpace(text))
        )
            Error(LineOf(key), $"'{key}' is required and must not be empty.");
        return v;
    }

    /// <summary>A required slug-like value: lower-case letters, digits and single hyphens, at most 80
    /// characters.</summary>
    public string? Slug(string key)
    {
        var v = Required(key, 200);
        if (v is not null && (v.Length > 80 || !Slugs.Pattern().IsMatch(v)))
        {
            Error(
                LineOf(key),
                $"'{key}' must be lower-case letters, digits and single hyphens (at most 80), not '{v}'."
            );
            return null;
        }
        return v;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null.</summary>
    public int? Int(string key, int min, int max, bool required = false)
    {
        var text = required ? Required(key) : Optional(key);
        if (text is null)
            return null;
        if (int.TryParse(text, out var v) && v >= min && v <= max)
            return v;
        Error(LineOf(key), $"'{key}' must be a whole number from {min} to {max}, not '{text}'.");
        return null;
    }

    /// <summary>An absolute https:// address (at most 500 characters), or null when absent or wrong.</summary>
    public string? HttpsUrl(string key, bool required = false)
    {
        var text = required ? Required(key, 500) : Optional(key, 500);
        if (text is null)
            return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && u.Host.Length > 0)
            return text;
        Error(LineOf(key), $"'{key}' must be a full address starting with https://, not '{text}'.");
        return null;
    }

    /// <summary>true or false, or <paramref name="absent"/> when the key is missing.</summary>
    public bool Bool(string key, bool absent) => Has(key) ? Bool(key) : absent;

    public bool Bool(string key)
    {
        var text = Optional(key, 10);
        if (text is null or "false")
            return false;
        if (text == "true")
            return true;
        Error(LineOf(key), $"'{key}' must be true or false, not '{text}'.");
        return false;
    }

    public YamlMappingNode? Map(string key)
    {
        var node = Get(key);
        if (node is null or YamlMappingNode)
            return node as YamlMappingNode;
        Error(LineIn(node), $"'{key}' must be a group of 'key: value' lines.");
        return null;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var node = Get(key);
        if (node is null or YamlSequenceNode)
            return node as YamlSequenceNode;
        Error(LineIn(node), $"'{key}' must be a list (lines starting with '- ', or [a, b]).");
        return null;
    }

    /// <summary>
    /// A list of non-empty lines of text (no repeats unless <paramref name="distinct"/> is false); null when absent or
    /// wrong.
    /// </summary>
    public List<string>? StringList(string key, int maxLength, int maxItems, bool distinct = true)
    {
        var seq = Sequence(key);
        if (seq is null)
            return null;
        if (seq.Children.Count > maxItems)
        {
            Error(LineIn(seq), $"'{key}' has {seq.Children.Count} items; the limit is {maxItems}.");
            return null;
        }
        var list = new List<string>();
        var ok = true;
        foreach (var item in seq.Children)
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            var problem =
                string.IsNullOrEmpty(text) ? $"Each item of '{key}' must be a line of text."
                : text.Length > maxLength
                    ? $"An item of '{key}' is {text.Length} characters long; the limit is {maxLength}."
                : distinct && list.Contains(text) ? $"'{text}' appears twice in '{key}'."
                : null;
            if (problem is null)
                list.Add(text!);
            else
                Error(LineIn(item), problem);
            ok &= problem is null;
        }
        return ok ? list : null;
    }
}
