namespace Kindling.Web.Features.Frameworks;

/// <summary>Colours shared by the renderers: dark text on light fills keeps a contrast of at least 4.5:1.</summary>
public static class DiagramStyle
{
    public const string Ink = "#1b1b1b";
    public const string Muted = "#4a4a4a";
    public const string Line = "#6b6b6b";
    public const string Paper = "#ffffff";
    public const string Accent = "#1f5f99";
    public const string AccentSoft = "#dbe8f5";
    public const string Warm = "#b5541c";
    public const string WarmSoft = "#fbe3d4";
    public const string Green = "#2f6b3a";
    public const string GreenSoft = "#dcefdc";
    public const string Sand = "#f6efd9";
    public const string Grey = "#eeeeee";

    public static ShapeMeta Css(
        string cssClass,
        string? label = null,
        IReadOnlyDictionary<string, string>? data = null
    ) => new(CssClass: cssClass, Label: label, Data: data);
}
