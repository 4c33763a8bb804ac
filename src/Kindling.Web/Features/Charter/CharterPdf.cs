using System.Globalization;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Fields;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// The charter as an A4 PDF drawn with PDFsharp: headings and text as real text (searchable, copyable), tables, missing
/// parts as callouts, and the framework pictures painted from their shapes.
/// </summary>
public static class CharterPdf
{
    /// <summary>The colours of Kindling's printed documents (the impact report uses them too).</summary>
    internal static readonly XColor Accent = XColor.FromArgb(194, 65, 12),
        Ink = XColor.FromArgb(27, 27, 27),
        Muted = XColor.FromArgb(85, 85, 85);

    /// <param name="diagrams">Draws a picture block; null means "leave the picture out" (default: the framework
    /// renderers).</param>
    public static byte[] Write(CharterDocument doc, Func<DiagramBlock, Diagram?>? diagrams = null)
    {
        CharterFonts.EnsureRegistered();
        diagrams ??= CharterDiagrams.Build;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{doc.ProjectName}: community charter";
        pdf.Info.Creator = "Kindling";
        using (var flow = new PdfFlow(pdf, $"{doc.ProjectName} · community charter"))
        {
            var f = new Fonts();
            flow.Text(doc.ProjectName, f.Title, new XSolidBrush(Ink));
            flow.Text("Community charter", f.Subtitle, new XSolidBrush(Accent));
            flow.Space(6);
            if (doc.Description.Length > 0)
            {
                flow.Text(doc.Description, f.Body, new XSolidBrush(Ink));
                flow.Space(4);
            }
            flow.Text($"Compiled {Date(doc.CompiledUtc)}.", f.Small, new XSolidBrush(Muted));
            foreach (var section in doc.Sections)
            {
                var pictures = section.Blocks.OfType<DiagramBlock>().ToDictionary(b => b, b => diagrams(b));
                // A heading stays with what follows it: with the whole picture when the section opens with one.
                var keep =
                    section.Blocks.FirstOrDefault() is DiagramBlock first && pictures[first] is { } p
                        ? Size(flow, p).H + 24
                        : 40;
                flow.Space(16);
                flow.Text(section.Title, f.Heading, new XSolidBrush(Accent), keepWithNext: keep);
                pdf.Outlines.Add(section.Title, flow.Page, true);
                if (section.Source is { } s)
                    flow.Text(
                        $"From the worksheet ‘{s.WorksheetTitle}’, updated {Date(s.UpdatedUtc)}.",
                        f.Small,
                        new XSolidBrush(Muted)
                    );
                foreach (var block in section.Blocks)
                {
                    flow.Space(6);
                    WriteBlock(flow, f, block, b => pictures[b]);
                }
            }
            flow.Space(20);
            flow.Text(CharterText.Attribution, f.Small, new XSolidBrush(Muted));
            if (flow.ReplacedCharacters)
                flow.Text(
                    $"{CharterFonts.Replacement} marks a character this PDF's font cannot show, such as an emoji; "
                        + $"the Markdown and Word downloads keep it.",
                    f.Small,
                    new XSolidBrush(Muted)
                );
        }
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private sealed class Fonts
    {
        public readonly XFont Title = new(CharterFonts.Family, 22, XFontStyleEx.Bold);
        public readonly XFont Subtitle = new(CharterFonts.Family, 13);
        public readonly XFont Heading = new(CharterFonts.Family, 15, XFontStyleEx.Bold);
        public readonly XFont Label = new(CharterFonts.Family, 10, XFontStyleEx.Bold);
        public readonly XFont Body = new(CharterFonts.Family, 10);
        public readonly XFont Cell = new(CharterFonts.Family, 8.5);
        public readonly XFont CellBold = new(CharterFonts.Family, 8.5, XFontStyleEx.Bold);
        public readonly XFont Small = new(CharterFonts.Family, 8.5);
    }

    private static void WriteBlock(PdfFlow flow, Fonts f, CharterBlock block, Func<DiagramBlock, Diagram?> diagrams)
    {
        var ink = new XSolidBrush(Ink);
        switch (block)
        {
            case ParagraphBlock p:
                if (p.Label is not null)
                    flow.Text(p.Label, f.Label, ink, keepWithNext: 12);
                flow.Text(p.Text, f.Body, ink);
                break;
            case ListBlock l:
                if (l.Label is not null)
                    flow.Text(l.Label, f.Label, ink, keepWithNext: 12);
                foreach (var item in l.Items)
                {
                    flow.EnsureSpace(f.Body.GetHeight());
                    flow.G.DrawString(
                        "•",
                        f.Body,
                        ink,
                        new XRect(flow.Left + 4, flow.Y, 10, f.Body.GetHeight()),
                        XStringFormats.TopLeft
                    );
                    flow.Text(item, f.Body, ink, indent: 16);
                }
                break;
            case TableBlock t:
                if (t.Label is not null)
                    flow.Text(t.Label, f.Label, ink, keepWithNext: 30);
                PdfTable.Draw(flow, t, f.Cell, f.CellBold);
                break;
            case DiagramBlock d:
                var diagram = diagrams(d);
                if (diagram is null || diagram.Width <= 0 || diagram.Height <= 0)
                {
                    flow.Text(
                        $"{d.Title}: the picture could not be drawn here; the details below hold the same information.",
                        f.Small,
                        new XSolidBrush(Muted)
                    );
                    break;
                }
                var (w, h) = Size(flow, diagram);
                flow.EnsureSpace(h);
                PdfDiagramPainter.Paint(
                    flow.G,
                    diagram,
                    new XRect(flow.Left + (flow.ContentWidth - w) / 2, flow.Y, w, h)
                );
                flow.Space(h);
                break;
            case MissingBlock m:
                var lines = flow.Wrap("Missing: " + m.Message, f.Body, flow.ContentWidth - 12);
                var height = lines.Count * f.Body.GetHeight() + 12;
                flow.EnsureSpace(height);
                flow.G.DrawRectangle(
                    new XSolidBrush(XColor.FromArgb(255, 247, 237)),
                    flow.Left,
                    flow.Y,
                    flow.ContentWidth,
                    height
                );
                flow.G.DrawRectangle(new XSolidBrush(Accent), flow.Left, flow.Y, 3, height);
                flow.Space(6);
                flow.Text("Missing: " + m.Message, f.Body, ink, indent: 12);
                flow.Space(6);
                break;
        }
    }

    /// <summary>A diagram unit is a CSS pixel (0.75 pt); larger pictures shrink to the column and to most of a
    /// page.</summary>
    private static (double W, double H) Size(PdfFlow flow, Diagram d)
    {
        if (d.Width <= 0 || d.Height <= 0)
            return (0, 0);
        var scale = Math.Min(0.75, Math.Min(flow.ContentWidth / d.Width, (flow.Bottom - flow.Top) * 0.8 / d.Height));
        return (d.Width * scale, d.Height * scale);
    }

    private static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
