using System.Globalization;
using Kindling.Web.Features.Frameworks;
using PdfSharp.Drawing;

namespace Kindling.Web.Features.Charter;

/// <summary>Paints a framework <see cref="Diagram"/> with PDFsharp, shape by shape, so the PDF shows the same picture
/// as the SVG.</summary>
public static class PdfDiagramPainter
{
    /// <summary>Scales the diagram to fit <paramref name="target"/> (keeping its proportions) and paints it at the top
    /// left.</summary>
    public static void Paint(XGraphics g, Diagram d, XRect target)
    {
        if (d.Width <= 0 || d.Height <= 0)
            return;
        CharterFonts.EnsureRegistered();
        var scale = Math.Min(target.Width / d.Width, target.Height / d.Height);
        var state = g.Save();
        g.TranslateTransform(target.X, target.Y);
        g.ScaleTransform(scale);
        g.IntersectClip(new XRect(0, 0, d.Width, d.Height));
        foreach (var shape in d.Shapes)
            Paint(g, shape);
        g.Restore(state);
    }

    private static void Paint(XGraphics g, Shape shape)
    {
        switch (shape)
        {
            case RectShape r:
                var rect = new XRect(r.X, r.Y, Math.Max(0, r.W), Math.Max(0, r.H));
                var (rp, rb) = (Pen(r.Stroke, r.StrokeWidth, r.Opacity), Brush(r.Fill, r.Opacity));
                if (rp is null && rb is null)
                    return;
                if (r.Radius > 0)
                    g.DrawRoundedRectangle(rp, rb, rect, new XSize(r.Radius * 2, r.Radius * 2));
                else
                    g.DrawRectangle(rp, rb, rect);
                break;
            case CircleShape c:
                var (cp, cb) = (Pen(c.Stroke, c.StrokeWidth, c.Opacity), Brush(c.Fill, c.Opacity));
                if (cp is null && cb is null)
                    return;
                g.DrawEllipse(cp, cb, c.Cx - c.R, c.Cy - c.R, c.R * 2, c.R * 2);
                break;
            case LineShape l when Pen(l.Stroke, l.StrokeWidth, 1) is { } lp:
                if (l.Dashed)
                    lp.DashStyle = XDashStyle.Dash;
                g.DrawLine(lp, l.X1, l.Y1, l.X2, l.Y2);
                break;
            case PolygonShape p when p.Points.Count >= 2:
                var points = p.Points.Select(pt => new XPoint(pt.X, pt.Y)).ToArray();
                var pp = Pen(p.Stroke, p.StrokeWidth, p.Opacity);
                if (p.Closed && p.Points.Count >= 3)
                {
                    var pb = Brush(p.Fill, p.Opacity);
                    if (pp is not null || pb is not null)
                        g.DrawPolygon(pp, pb, points, XFillMode.Winding);
                }
                else if (pp is not null)
                    g.DrawLines(pp, points);
                break;
            case TextShape t when t.Content.Length > 0 && t.Size > 0:
                var font = new XFont(CharterFonts.Family, t.Size, t.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                var text = CharterFonts.Drawable(t.Content, font);
                var width = g.MeasureString(text, font).Width;
                var x = t.Anchor switch
                {
                    TextAnchor.Middle => t.X - width / 2,
                    TextAnchor.End => t.X - width,
                    _ => t.X,
                };
                g.DrawString(text, font, Brush(t.Fill, 1) ?? XBrushes.Black, x, t.Y, XStringFormats.BaseLineLeft);
                break;
            case GroupShape group:
                foreach (var child in group.Children)
                    Paint(g, child);
                break;
        }
    }

    private static XPen? Pen(string? color, double width, double opacity) =>
        Color(color, opacity) is { } c && width > 0 ? new XPen(c, width) { LineJoin = XLineJoin.Round } : null;

    private static XBrush? Brush(string? color, double opacity) =>
        Color(color, opacity) is { } c ? new XSolidBrush(c) : null;

    /// <summary>"#rrggbb" or "#rgb"; "none", "transparent" or empty mean "do not paint".</summary>
    public static XColor? Color(string? value, double opacity)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "none" or "transparent")
            return null;
        var hex = value.Trim().TrimStart('#');
        if (hex.Length == 3)
            hex = string.Concat(hex.Select(ch => $"{ch}{ch}"));
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return XColor.FromArgb(255, 90, 90, 90); // an unknown colour still shows, in neutral grey
        var alpha = (int)Math.Round(Math.Clamp(opacity, 0, 1) * 255);
        return alpha == 0 ? null : XColor.FromArgb(alpha, (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
