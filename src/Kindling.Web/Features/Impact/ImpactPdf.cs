using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Fields;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kindling.Web.Features.Impact;

/// <summary>
/// The impact report as an A4 PDF, drawn as the charter PDF is (<see cref="PdfFlow"/>, <see cref="PdfTable"/>, the
/// shipped DejaVu fonts embedded): real text, each worksheet's chart painted from its shapes, then its tables.
/// </summary>
public static class ImpactPdf
{
    private static readonly XColor Accent = CharterPdf.Accent,
        Ink = CharterPdf.Ink,
        Muted = CharterPdf.Muted;

    public static byte[] Write(ImpactReport report)
    {
        CharterFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{report.ProjectName}: impact report";
        pdf.Info.Creator = "Kindling";
        using (var flow = new PdfFlow(pdf, $"{report.ProjectName} · impact report"))
        {
            var f = new Fonts();
            var ink = new XSolidBrush(Ink);
            var muted = new XSolidBrush(Muted);
            flow.Text(report.ProjectName, f.Title, ink);
            flow.Text("Impact report", f.Subtitle, new XSolidBrush(Accent));
            flow.Space(6);
            flow.Text($"Compiled {ImpactText.Date(report.CompiledUtc)}.", f.Small, muted);
            flow.Space(6);
            flow.Text(report.Sheets.Count == 0 ? ImpactText.NoWorksheet : ImpactText.Summary(report), f.Body, ink);
            foreach (var sheet in report.Sheets)
                WriteSheet(pdf, flow, f, sheet);
            flow.Space(20);
            flow.Text(ImpactText.Attribution, f.Small, muted);
            if (flow.ReplacedCharacters)
                flow.Text(
                    $"{CharterFonts.Replacement} marks a character this PDF's font cannot show, such as an emoji; "
                        + "the Markdown download keeps it.",
                    f.Small,
                    muted
                );
        }
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private static void WriteSheet(PdfDocument pdf, PdfFlow flow, Fonts f, ImpactSheet sheet)
    {
        var ink = new XSolidBrush(Ink);
        var chart = ImpactChart.Build(sheet);
        var (w, h) = Size(flow, chart);
        flow.Space(16);
        flow.Text(sheet.Title, f.Heading, new XSolidBrush(Accent), keepWithNext: h + 24);
        pdf.Outlines.Add(sheet.Title, flow.Page, true);
        flow.Text(
            $"From the worksheet, updated {ImpactText.Date(sheet.UpdatedUtc)}. Snapshots: "
                + $"{string.Join(", ", sheet.Snapshots.Select(ImpactText.Heading))}.",
            f.Small,
            new XSolidBrush(Muted)
        );
        if (sheet.Rows.Count == 0)
        {
            flow.Space(6);
            flow.Text("No indicators are named in this worksheet yet.", f.Body, ink);
            return;
        }
        flow.Space(6);
        flow.EnsureSpace(h);
        PdfDiagramPainter.Paint(flow.G, chart, new XRect(flow.Left + (flow.ContentWidth - w) / 2, flow.Y, w, h));
        flow.Space(h);
        Table(flow, f, "How many stood at each status", ImpactText.CountColumns, CountRows(sheet));
        Table(flow, f, "Indicators", ImpactText.DetailColumns, sheet.Rows.Select(ImpactText.Details).ToList());
        Table(
            flow,
            f,
            "Status and current value at each snapshot",
            ["Indicator", .. sheet.Snapshots.Select(ImpactText.Heading)],
            sheet.Rows.Select(r => (IReadOnlyList<string>)[r.Indicator, .. r.Cells.Select(ImpactText.Cell)]).ToList()
        );
    }

    private static List<IReadOnlyList<string>> CountRows(ImpactSheet sheet) =>
        sheet
            .Snapshots.Select(
                (s, i) =>
                    (IReadOnlyList<string>)[ImpactText.Heading(s), .. sheet.Counts(i).Select(n => FieldText.Num(n))]
            )
            .ToList();

    private static void Table(
        PdfFlow flow,
        Fonts f,
        string label,
        IReadOnlyList<string> columns,
        IReadOnlyList<IReadOnlyList<string>> rows
    )
    {
        flow.Space(8);
        flow.Text(label, f.Label, new XSolidBrush(Ink), keepWithNext: 30);
        PdfTable.Draw(flow, new TableBlock(null, columns, rows), f.Cell, f.CellBold);
    }

    /// <summary>A diagram unit is a CSS pixel (0.75 pt); a wide chart shrinks to the column.</summary>
    private static (double W, double H) Size(PdfFlow flow, Diagram d)
    {
        var scale = Math.Min(0.75, Math.Min(flow.ContentWidth / d.Width, (flow.Bottom - flow.Top) * 0.6 / d.Height));
        return (d.Width * scale, d.Height * scale);
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
}
