namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// A picture as a list of simple shapes in a fixed coordinate space. The framework renderers build one; it is then
/// written
/// as SVG for pages and painted with PDFsharp for the charter PDF, so both show the same drawing.
/// Colours are "#rrggbb"; coordinates are in user units (1 unit = 1 CSS px = 0.75 pt when painted).
/// </summary>
/// <param name="Title">Accessible name (SVG &lt;title&gt;).</param>
/// <param name="Description">A text equivalent of what the picture shows (SVG &lt;desc&gt;).</param>
public sealed record Diagram(double Width, double Height, string Title, string Description, IReadOnlyList<Shape> Shapes)
{
    /// <summary>Optional extras for the root &lt;svg&gt; (class, data-* such as a plot's geometry for scripts); ignored
    /// by PDF.</summary>
    public ShapeMeta? Meta { get; init; }
}

/// <summary>Optional extras for the SVG only (ignored by PDF): id, class, data-* attributes and a
/// tooltip/label.</summary>
public sealed record ShapeMeta(
    string? Id = null,
    string? CssClass = null,
    string? Label = null,
    IReadOnlyDictionary<string, string>? Data = null
);

public abstract record Shape(ShapeMeta? Meta);

public sealed record RectShape(
    double X,
    double Y,
    double W,
    double H,
    string Fill,
    string? Stroke = null,
    double StrokeWidth = 1,
    double Radius = 0,
    double Opacity = 1,
    ShapeMeta? Meta = null
) : Shape(Meta);

public sealed record CircleShape(
    double Cx,
    double Cy,
    double R,
    string Fill,
    string? Stroke = null,
    double StrokeWidth = 1,
    double Opacity = 1,
    ShapeMeta? Meta = null
) : Shape(Meta);

public sealed record LineShape(
    double X1,
    double Y1,
    double X2,
    double Y2,
    string Stroke,
    double StrokeWidth = 1,
    bool Dashed = false,
    ShapeMeta? Meta = null
) : Shape(Meta);

/// <summary>A closed polygon (or an open polyline when <see cref="Closed"/> is false).</summary>
public sealed record PolygonShape(
    IReadOnlyList<(double X, double Y)> Points,
    string? Fill,
    string? Stroke = null,
    double StrokeWidth = 1,
    bool Closed = true,
    double Opacity = 1,
    ShapeMeta? Meta = null
) : Shape(Meta);

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>One line of text; (X, Y) is the baseline point. Long text should be wrapped by the renderer into
/// several.</summary>
public sealed record TextShape(
    double X,
    double Y,
    string Content,
    double Size = 12,
    string Fill = "#1b1b1b",
    TextAnchor Anchor = TextAnchor.Start,
    bool Bold = false,
    ShapeMeta? Meta = null
) : Shape(Meta);

/// <summary>Shapes kept together in the SVG (e.g. a draggable point with its label).</summary>
public sealed record GroupShape(IReadOnlyList<Shape> Children, ShapeMeta? Meta = null) : Shape(Meta);
