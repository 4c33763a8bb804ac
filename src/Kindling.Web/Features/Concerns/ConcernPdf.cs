using Kindling.Web.Features.Charter;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// One report as an A4 PDF for escalation, drawn with the charter's fonts and page flow (<see cref="PdfFlow"/>):
/// the same facts, text and trail as the Markdown.
/// </summary>
public static class ConcernPdf
{
    public static byte[] Write(ConcernView v)
    {
        CharterFonts.EnsureRegistered();
        var (ink, muted, accent) = (
            new XSolidBrush(XColor.FromArgb(27, 27, 27)),
            new XSolidBrush(XColor.FromArgb(85, 85, 85)),
            new XSolidBrush(XColor.FromArgb(194, 65, 12))
        );
        var title = new XFont(CharterFonts.Family, 18, XFontStyleEx.Bold);
        var heading = new XFont(CharterFonts.Family, 13, XFontStyleEx.Bold);
        var label = new XFont(CharterFonts.Family, 10, XFontStyleEx.Bold);
        var body = new XFont(CharterFonts.Family, 10);
        var small = new XFont(CharterFonts.Family, 8.5);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Concern in {v.CohortName}";
        pdf.Info.Creator = "Kindling";
        using (var flow = new PdfFlow(pdf, $"Concern in {v.CohortName} · private"))
        {
            flow.Text($"Concern in {v.CohortName}", title, ink);
            flow.Space(6);
            var facts = new List<(string, string)>
            {
                ("Status", v.Status),
                ("Raised", ConcernMarkdown.Raised(v)),
                ("From", v.Reporter),
                ("Read by", v.Audience),
            };
            if (v.SessionTitle is not null)
                facts.Add(("Session", $"{v.SessionTitle} ({ConcernTimes.Utc(v.SessionStartsUtc!.Value)})"));
            foreach (var (name, value) in facts)
                flow.Text($"{name}: {value}", body, ink);
            flow.Space(12);
            flow.Text("What happened", heading, accent, keepWithNext: 30);
            Lines(flow, v.Report.What, body, ink);
            if (v.Report.PeopleInvolved is { } people)
            {
                flow.Space(10);
                flow.Text("People involved", heading, accent, keepWithNext: 30);
                Lines(flow, people, body, ink);
            }
            flow.Space(12);
            flow.Text("Audit trail", heading, accent, keepWithNext: 30);
            foreach (var e in v.Events)
            {
                flow.Space(6);
                var line = $"{ConcernTimes.Utc(e.AtUtc)} · {e.ActorName} · {ConcernView.Describe(e)}";
                flow.Text(line, label, ink, keepWithNext: 12);
                if (e.Kind != Kindling.Domain.ConcernEventKind.Filed && ConcernView.TextOf(e) is { } text)
                    Lines(flow, text, body, ink, indent: 12);
            }
            flow.Space(16);
            flow.Text("Exported from Kindling. Keep it private: it may name people.", small, muted);
            if (flow.ReplacedCharacters)
                flow.Text(
                    $"{CharterFonts.Replacement} marks a character this PDF's font cannot show, such as an emoji; the "
                        + "Markdown export keeps it.",
                    small,
                    muted
                );
        }
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    /// <summary>People's text keeps its line breaks (the flow wraps one paragraph at a time).</summary>
    private static void Lines(PdfFlow flow, string text, XFont font, XBrush brush, double indent = 0)
    {
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            if (line.Trim().Length == 0)
                flow.Space(font.GetHeight() / 2);
            else
                flow.Text(line, font, brush, indent);
    }
}
