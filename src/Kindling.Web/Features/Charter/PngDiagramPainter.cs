using Kindling.Web.Features.Frameworks;
using SkiaSharp;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// Paints a framework <see cref="Diagram"/> into a PNG with SkiaSharp, shape by shape as <see
/// cref="PdfDiagramPainter"/>
/// does (and as the SVG draws it), for the Word charter. Text uses the DejaVu Sans shipped in the assembly, so pictures
/// have their words on a machine without any system fonts.
/// </summary>
public static class PngDiagramPainter
{
    /// <summary>The picture as an opaque PNG on white, <paramref name="pixelsPerUnit"/> pixels for each diagram
    /// unit.</summary>
    public static byte[] Write(Diagram d, double pixelsPerUnit)
    {
        var width = Math.Max(1, (int)Math.Ceiling(d.Width * pixelsPerUnit));
        var height = Math.Max(1, (int)Math.Ceiling(d.Height * pixelsPerUnit));
        using var surface =
            SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException($"A {width}×{height} picture is too large to draw.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)pixelsPerUnit);
        canvas.ClipRect(new SKRect(0, 0, (float)d.Width, (float)d.Height));
        foreach (var shape in d.Shapes)
            Paint(canvas, shape);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Paint(SKCanvas canvas, Shape shape)
    {
        switch (shape)
        {
            case RectShape r:
                var rect = SKRect.Create((float)r.X, (float)r.Y, (float)Math.Max(0, r.W), (float)Math.Max(0, r.H));
                foreach (var paint in Paints(r.Fill, r.Stroke, r.StrokeWidth, r.Opacity))
                    using (paint)
                        canvas.DrawRoundRect(rect, (float)r.Radius, (float)r.Radius, paint);
                break;
            case CircleShape c:
                foreach (var paint in Paints(c.Fill, c.Stroke, c.StrokeWidth, c.Opacity))
                    using (paint)
                        canvas.DrawCircle((float)c.Cx, (float)c.Cy, (float)Math.Max(0, c.R), paint);
                break;
            case LineShape l when Stroke(l.Stroke, l.StrokeWidth, 1) is { } line:
                using (line)
                {
                    if (l.Dashed)
                        line.PathEffect = SKPathEffect.CreateDash([6, 4], 0); // as the SVG's stroke-dasharray
                    canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, line);
                }
                break;
            case PolygonShape p when p.Points.Count >= 2:
                var closed = p.Closed && p.Points.Count >= 3;
                using (var builder = new SKPathBuilder { FillType = SKPathFillType.Winding })
                {
                    builder.MoveTo((float)p.Points[0].X, (float)p.Points[0].Y);
                    foreach (var (x, y) in p.Points.Skip(1))
                        builder.LineTo((float)x, (float)y);
                    if (closed)
                        builder.Close();
                    using var path = builder.Detach();
                    foreach (var paint in Paints(closed ? p.Fill : null, p.Stroke, p.StrokeWidth, p.Opacity))
                        using (paint)
                            canvas.DrawPath(path, paint);
                }
                break;
            case TextShape t when t.Content.Length > 0 && t.Size > 0 && Fill(t.Fill, 1) is { } ink:
                using (ink)
                using (var font = DejaVuSans.Font(t.Size, t.Bold))
                {
                    var text = DejaVuSans.Drawable(t.Content, font.ContainsGlyph);
                    var align = t.Anchor switch
                    {
                        TextAnchor.Middle => SKTextAlign.Center,
                        TextAnchor.End => SKTextAlign.Right,
                        _ => SKTextAlign.Left,
                    };
                    canvas.DrawText(text, (float)t.X, (float)t.Y, align, font, ink);
                }
                break;
            case GroupShape group:
                foreach (var child in group.Children)
                    Paint(canvas, child);
                break;
        }
    }

    /// <summary>Fill first, then stroke, as SVG paints them; a colour that is "none" gives no paint.</summary>
    private static IEnumerable<SKPaint> Paints(string? fill, string? stroke, double strokeWidth, double opacity)
    {
        if (Fill(fill, opacity) is { } f)
            yield return f;
        if (Stroke(stroke, strokeWidth, opacity) is { } s)
            yield return s;
    }

    private static SKPaint? Fill(string? colour, double opacity) =>
        Colour(colour, opacity) is { } c
            ? new SKPaint
            {
                Color = c,
                IsAntialias = true,
                Style = SKPaintStyle.Fill,
            }
            : null;

    private static SKPaint? Stroke(string? colour, double width, double opacity) =>
        width > 0 && Colour(colour, opacity) is { } c
            ? new SKPaint
            {
                Color = c,
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = (float)width,
                StrokeJoin = SKStrokeJoin.Round,
            }
            : null;

    /// <summary>The same colour rules as the PDF: "#rrggbb" or "#rgb", "none" or empty for nothing, grey for anything
    /// else.</summary>
    private static SKColor? Colour(string? value, double opacity) =>
        PdfDiagramPainter.Color(value, opacity) is { } c
            ? new SKColor(c.R, c.G, c.B, (byte)Math.Round(c.A * 255))
            : null;
}
