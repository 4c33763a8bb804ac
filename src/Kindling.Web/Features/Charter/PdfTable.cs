using Kindling.Web.Features.Worksheets.Fields;
using PdfSharp.Drawing;

namespace Kindling.Web.Features.Charter;

/// <summary>A table flowed across pages: column widths follow the content, the header repeats, tall rows
/// split.</summary>
internal static class PdfTable
{
    private const double Pad = 3.5;
    private static readonly XPen Rule = new(XColor.FromArgb(190, 190, 190), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(243, 240, 236));

    public static void Draw(PdfFlow flow, TableBlock table, XFont font, XFont bold)
    {
        var n = table.Columns.Count;
        if (n == 0)
            return;
        var widths = Widths(flow, table, font);
        var lh = font.GetHeight();
        var header = table.Columns.Select((c, i) => flow.Wrap(c, bold, widths[i] - 2 * Pad)).ToList();
        var headerHeight = header.Max(h => h.Count) * lh + 2 * Pad;

        void DrawHeader()
        {
            DrawRow(flow, header, widths, 0, header.Max(h => h.Count), bold, HeaderFill);
            flow.Space(headerHeight);
        }

        flow.EnsureSpace(headerHeight + lh + 2 * Pad);
        DrawHeader();
        foreach (var row in table.Rows)
        {
            var cells = Enumerable
                .Range(0, n)
                .Select(i => flow.Wrap(i < row.Count ? row[i] : "", font, widths[i] - 2 * Pad))
                .ToList();
            var total = cells.Max(c => c.Count);
            var done = 0;
            while (done < total)
            {
                var room = (int)Math.Floor((flow.Bottom - flow.Y - 2 * Pad) / lh);
                if (room < Math.Min(total - done, 2))
                {
                    flow.NewPage();
                    DrawHeader();
                    continue;
                }
                var take = Math.Min(room, total - done);
                DrawRow(flow, cells, widths, done, take, font, null);
                flow.Space(take * lh + 2 * Pad);
                done += take;
            }
        }
    }

    private static void DrawRow(
        PdfFlow flow,
        List<List<string>> cells,
        double[] widths,
        int from,
        int count,
        XFont font,
        XBrush? fill
    )
    {
        var lh = font.GetHeight();
        var height = count * lh + 2 * Pad;
        var x = flow.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var box = new XRect(x, flow.Y, widths[i], height);
            if (fill is not null)
                flow.G.DrawRectangle(fill, box);
            flow.G.DrawRectangle(Rule, box);
            var lines = cells[i].Skip(from).Take(count).ToList();
            for (var l = 0; l < lines.Count; l++)
                flow.G.DrawString(
                    lines[l],
                    font,
                    XBrushes.Black,
                    new XRect(x + Pad, flow.Y + Pad + l * lh, widths[i] - 2 * Pad, lh),
                    XStringFormats.TopLeft
                );
            x += widths[i];
        }
    }

    /// <summary>Shares the width by each column's longest text (words count, so short columns stay narrow), at least 45
    /// pt each.</summary>
    private static double[] Widths(PdfFlow flow, TableBlock table, XFont font)
    {
        var n = table.Columns.Count;
        var natural = Enumerable
            .Range(0, n)
            .Select(i =>
            {
                var texts = table.Rows.Select(r => i < r.Count ? r[i] : "").Append(table.Columns[i]);
                var longest = texts.Max(t => Math.Min(t.Length, 60));
                return Math.Max(4, longest);
            })
            .Select(v => (double)v)
            .ToArray();
        var min = Math.Min(45, flow.ContentWidth / n);
        var spare = flow.ContentWidth - min * n;
        var sum = natural.Sum();
        return natural.Select(v => min + spare * v / sum).ToArray();
    }
}
