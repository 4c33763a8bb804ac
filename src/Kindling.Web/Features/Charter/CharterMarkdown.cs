using System.Globalization;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// The charter as Markdown (GitHub flavour): a heading per section, lists, tables, missing parts as quotes. Everything
/// a person wrote enters as <see cref="Md"/>, so their text stays text — it can never open a heading, a list, a link or
/// raw HTML.
/// </summary>
public static class CharterMarkdown
{
    /// <param name="publicCopy">For the public download: missing parts say only that they are not written yet.</param>
    public static string Write(CharterDocument doc, bool publicCopy = false)
    {
        var md = new MarkdownWriter().Heading(1, $"{doc.ProjectName}: community charter");
        if (doc.Description.Length > 0)
            md.Paragraph(Md.Lines(doc.Description));
        md.Paragraph(Md.Italic(Md.Own($"Compiled {Date(doc.CompiledUtc)}.")));
        foreach (var section in doc.Sections)
        {
            md.Heading(2, section.Title);
            if (section.Source is { } source)
                md.Paragraph(
                    Md.Italic(
                        Md.Own("From the worksheet ‘")
                            + source.WorksheetTitle
                            + Md.Own($"’, updated {Date(source.UpdatedUtc)}.")
                    )
                );
            foreach (var block in section.Blocks)
                WriteBlock(md, publicCopy && block is MissingBlock ? NotWrittenPublic : block);
        }
        return md.Rule().Paragraph(CharterText.Attribution).ToString();
    }

    private static readonly MissingBlock NotWrittenPublic = new(CharterText.NotWrittenPublic);

    private static void WriteBlock(MarkdownWriter md, CharterBlock block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                Label(md, p.Label).Paragraph(Md.Lines(p.Text));
                break;
            case ListBlock l:
                Label(md, l.Label).List(l.Items.Select(Md.Lines));
                break;
            case TableBlock t:
                Label(md, t.Label).Table(t.Columns, t.Rows);
                break;
            case DiagramBlock d:
                md.Paragraph(
                    Md.Own("_Picture: ")
                        + d.Title
                        + Md.Own(" (drawn in the PDF and on the web page; its data follows)._")
                );
                break;
            case MissingBlock m:
                md.Quote(Md.Own("**Missing.** ") + m.Message);
                break;
        }
    }

    private static MarkdownWriter Label(MarkdownWriter md, string? label) =>
        label is null ? md : md.Paragraph(Md.Bold(label));

    private static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
