using System.Globalization;
using System.Text;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Writes a <see cref="Diagram"/> as an accessible SVG 1.1 fragment for inline use: a viewBox, and width/height at the
/// natural size so its text matches the page's (CSS only shrinks it to a narrower column: max-width:100%; height:auto),
/// role="img" with &lt;title&gt;/&lt;desc&gt; named by aria-labelledby, presentation attributes only (no style=, for
/// the CSP), every text escaped and numbers in the invariant culture.
/// </summary>
public static class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>The font the text was measured with (<see cref="DejaVuSans"/>), then ones about as wide.</summary>
    public const string FontFamily = DejaVuSans.Family + ", Verdana, Arial, sans-serif";

    public static string Write(Diagram d) => Write(d, null);

    /// <summary>As <see cref="Write(Diagram)"/>; <paramref name="idPrefix"/> keeps ids unique when a page shows the
    /// same picture twice.</summary>
    public static string Write(Diagram d, string? idPrefix)
    {
        var id =
            Token(idPrefix) is { Length: > 0 } p ? p
            : Token(d.Meta?.Id) is { Length: > 0 } m ? m
            : "dg-" + Hash(d);
        var sb = new StringBuilder(4096);
        sb.Append("<svg xmlns=\"").Append(Namespace).Append("\" version=\"1.1\"");
        Attr(sb, "id", id);
        Attr(sb, "class", ("diagram " + Token(d.Meta?.CssClass, allowSpaces: true)).Trim());
        sb.Append(" viewBox=\"0 0 ").Append(Num(d.Width)).Append(' ').Append(Num(d.Height)).Append('"');
        Attr(sb, "width", Num(d.Width));
        Attr(sb, "height", Num(d.Height));
        sb.Append(" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"");
        Attr(sb, "aria-labelledby", $"{id}-title {id}-desc");
        Attr(sb, "font-family", FontFamily);
        Data(sb, d.Meta);
        sb.Append('>');
        sb.Append("<title id=\"")
            .Append(id)
            .Append("-title\">")
            .Append(Escape(TextLayout.Clean(d.Title)))
            .Append("</title>");
        sb.Append("<desc id=\"")
            .Append(id)
            .Append("-desc\">")
            .Append(Escape(TextLayout.Clean(d.Description)))
            .Append("</desc>");
        sb.Append("<rect x=\"0\" y=\"0\"");
        Attr(sb, "width", Num(d.Width));
        Attr(sb, "height", Num(d.Height));
        sb.Append(" fill=\"").Append(DiagramStyle.Paper).Append("\"/>");
        foreach (var shape in d.Shapes)
            WriteShape(sb, shape);
        return sb.Append("</svg>").ToString();
    }

    private static void WriteShape(StringBuilder sb, Shape shape)
    {
        switch (shape)
        {
            case RectShape r:
                Open(
                    sb,
                    "rect",
                    r.Meta,
                    ("x", Num(r.X)),
                    ("y", Num(r.Y)),
                    ("width", Num(Math.Max(0, r.W))),
                    ("height", Num(Math.Max(0, r.H))),
                    ("rx", r.Radius > 0 ? Num(r.Radius) : null),
                    ("fill", Paint(r.Fill)),
                    ("stroke", Paint(r.Stroke)),
                    ("stroke-width", r.Stroke is null ? null : Num(r.StrokeWidth)),
                    ("opacity", Opacity(r.Opacity))
                );
                Close(sb, "rect", r.Meta);
                break;
            case CircleShape c:
                Open(
                    sb,
                    "circle",
                    c.Meta,
                    ("cx", Num(c.Cx)),
                    ("cy", Num(c.Cy)),
                    ("r", Num(Math.Max(0, c.R))),
                    ("fill", Paint(c.Fill)),
                    ("stroke", Paint(c.Stroke)),
                    ("stroke-width", c.Stroke is null ? null : Num(c.StrokeWidth)),
                    ("opacity", Opacity(c.Opacity))
                );
                Close(sb, "circle", c.Meta);
                break;
            case LineShape l:
                Open(
                    sb,
                    "line",
                    l.Meta,
                    ("x1", Num(l.X1)),
                    ("y1", Num(l.Y1)),
                    ("x2", Num(l.X2)),
                    ("y2", Num(l.Y2)),
                    ("stroke", Paint(l.Stroke)),
                    ("stroke-width", Num(l.StrokeWidth)),
                    ("stroke-dasharray", l.Dashed ? "6 4" : null)
                );
                Close(sb, "line", l.Meta);
                break;
            case PolygonShape p:
                var points = string.Join(' ', p.Points.Select(pt => Num(pt.X) + "," + Num(pt.Y)));
                var tag = p.Closed ? "polygon" : "polyline";
                Open(
                    sb,
                    tag,
                    p.Meta,
                    ("points", points),
                    ("fill", p.Fill is null || !p.Closed ? "none" : Paint(p.Fill)),
                    ("stroke", Paint(p.Stroke)),
                    ("stroke-width", p.Stroke is null ? null : Num(p.StrokeWidth)),
                    ("stroke-linejoin", "round"),
                    ("opacity", Opacity(p.Opacity))
                );
                Close(sb, tag, p.Meta);
                break;
            case TextShape t:
                Open(
                    sb,
                    "text",
                    t.Meta,
                    ("x", Num(t.X)),
                    ("y", Num(t.Y)),
                    ("font-size", Num(t.Size)),
                    ("fill", Paint(t.Fill)),
                    (
                        "text-anchor",
                        t.Anchor switch
                        {
                            TextAnchor.Middle => "middle",
                            TextAnchor.End => "end",
                            _ => null,
                        }
                    ),
                    ("font-weight", t.Bold ? "bold" : null)
                );
                sb.Append('>');
                Tooltip(sb, t.Meta);
                sb.Append(Escape(TextLayout.Clean(t.Content))).Append("</text>");
                break;
            case GroupShape g:
                Open(sb, "g", g.Meta);
                sb.Append('>');
                Tooltip(sb, g.Meta);
                foreach (var child in g.Children)
                    WriteShape(sb, child);
                sb.Append("</g>");
                break;
        }
    }

    private static void Open(StringBuilder sb, string tag, ShapeMeta? meta, params (string Name, string? Value)[] attrs)
    {
        sb.Append('<').Append(tag);
        if (Token(meta?.Id) is { Length: > 0 } id)
            Attr(sb, "id", id);
        if (Token(meta?.CssClass, allowSpaces: true) is { Length: > 0 } css)
            Attr(sb, "class", css);
        foreach (var (name, value) in attrs)
            if (value is not null)
                Attr(sb, name, value);
        Data(sb, meta);
    }

    private static void Close(StringBuilder sb, string tag, ShapeMeta? meta)
    {
        if (string.IsNullOrWhiteSpace(meta?.Label))
        {
            sb.Append("/>");
            return;
        }
        sb.Append('>');
        Tooltip(sb, meta);
        sb.Append("</").Append(tag).Append('>');
    }

    private static void Tooltip(StringBuilder sb, ShapeMeta? meta)
    {
        if (!string.IsNullOrWhiteSpace(meta?.Label))
            sb.Append("<title>").Append(Escape(TextLayout.Clean(meta.Label))).Append("</title>");
    }

    private static void Data(StringBuilder sb, ShapeMeta? meta)
    {
        if (meta?.Data is null)
            return;
        foreach (var (key, value) in meta.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (Token(key.ToLowerInvariant()) is { Length: > 0 } name)
                Attr(sb, "data-" + name, value ?? "");
    }

    private static void Attr(StringBuilder sb, string name, string value) =>
        sb.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');

    /// <summary>Numbers as the invariant culture writes them, at most two decimals; NaN and infinities become
    /// 0.</summary>
    public static string Num(double v) =>
        double.IsFinite(v) ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    private static string? Opacity(double o) => o >= 1 || !double.IsFinite(o) ? null : Num(Math.Max(0, o));

    private static string? Paint(string? colour) =>
        colour is null ? null
        : Token(colour) is { Length: > 0 } t ? t
        : "none";

    /// <summary>Only letters, digits, '-', '_', '#' and '.' (and spaces between class names) survive in names and
    /// colours.</summary>
    private static string Token(string? value, bool allowSpaces = false)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '#' or '.' || (allowSpaces && c == ' '))
                sb.Append(c);
        return sb.ToString().Trim();
    }

    /// <summary>XML-escapes text for content and attributes; drops control characters and anything XML 1.0 cannot
    /// hold.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsLowSurrogate(c) || char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                continue;
            sb.Append(
                c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => c.ToString(),
                }
            );
        }
        return sb.ToString();
    }

    private static string Hash(Diagram d)
    {
        var key = $"{d.Title}|{d.Description}|{d.Width}|{d.Height}|{d.Shapes.Count}";
        var h = 2166136261u;
        foreach (var c in key)
            h = (h ^ c) * 16777619u;
        return h.ToString("x8", CultureInfo.InvariantCulture);
    }
}
