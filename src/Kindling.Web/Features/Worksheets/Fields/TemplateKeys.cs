namespace Kindling.Web.Features.Worksheets.Fields;

public enum KeyUse
{
    NotAllowed,
    Optional,
    Required,
}

/// <summary>Which of a template field's optional keys a field type takes; the parser enforces them.</summary>
public sealed record TemplateKeys(
    KeyUse Columns = KeyUse.NotAllowed,
    KeyUse Options = KeyUse.NotAllowed,
    KeyUse Multiple = KeyUse.NotAllowed
)
{
    public static readonly TemplateKeys None = new();

    /// <summary>The use of a key by its name in the template.</summary>
    public KeyUse Of(string key) =>
        key switch
        {
            "columns" => Columns,
            "options" => Options,
            "multiple" => Multiple,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an optional template key."),
        };
}
