using System.Globalization;
using System.Text;
using Kindling.Web.Features.Worksheets.Fields;
using static Kindling.Web.Infrastructure.MarkdownText; // Inline and Block: people's text escaped

namespace Kindling.Web.Features.Charter;

/// <summary>
/// The charter as Markdown (GitHub flavour): a heading per section, lists, tables, missing parts as quotes. Everything a
/// person wrote is escaped, so their text stays text — it can never open a heading, a list, a link or raw HTML.
/// </summary>
public static class CharterMarkdown
{
    /// <param name="publicCopy">For the public download: missing parts say only that they are not written yet.</param>
    public static string Write(CharterDocument doc, bool publicCopy = false)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline($"{doc.ProjectName}: community charter"));
        if (doc.Description.Length > 0) md.AppendLine().AppendLine(Block(doc.Description));
        md.AppendLine().Append("_Compiled ").Append(Date(doc.CompiledUtc)).AppendLine("._");
        foreach (var section in doc.Sections)
        {
            md.AppendLine().Append("## ").AppendLine(Inline(section.Title));
            if (section.Source is { } source)
                md.AppendLine().Append("_From the worksheet ‘").Append(Inline(source.WorksheetTitle)).Append("’, updated ")
                    .Append(Date(source.UpdatedUtc)).AppendLine("._");
            foreach (var block in section.Blocks) WriteBlock(md, publicCopy && block is MissingBlock ? new MissingBlock(CharterText.NotWrittenPublic) : block);
        }
        md.AppendLine().AppendLine("---").AppendLine().AppendLine(Inline(CharterText.Attribution));
        return md.ToString();
    }

    private static void WriteBlock(StringBuilder md, CharterBlock block)
    {
        md.AppendLine();
        switch (block)
        {
            case ParagraphBlock p:
                if (p.Label is not null) md.Append("**").Append(Inline(p.Label)).AppendLine("**").AppendLine();
                md.AppendLine(Block(p.Text));
                break;
            case ListBlock l:
                if (l.Label is not null) md.Append("**").Append(Inline(l.Label)).AppendLine("**").AppendLine();
                foreach (var item in l.Items) md.Append("- ").AppendLine(Block(item).Replace("\n", "\n  "));
                break;
            case TableBlock t:
                if (t.Label is not null) md.Append("**").Append(Inline(t.Label)).AppendLine("**").AppendLine();
                md.Append("| ").AppendJoin(" | ", t.Columns.Select(Cell)).AppendLine(" |");
                md.Append('|').AppendJoin("", t.Columns.Select(_ => " --- |")).AppendLine();
                foreach (var row in t.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
                break;
            case DiagramBlock d:
                md.Append("_Picture: ").Append(Inline(d.Title)).AppendLine(" (drawn in the PDF and on the web page; its data follows)._");
                break;
            case MissingBlock m:
                md.Append("> **Missing.** ").AppendLine(Inline(m.Message));
                break;
        }
    }

    private static string Cell(string text) => Inline(text).Length == 0 ? " " : Inline(text);

    private static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
