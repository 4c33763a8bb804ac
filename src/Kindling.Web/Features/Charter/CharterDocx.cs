using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// The charter as a Word document (opens in Word and LibreOffice): Title and Heading styles (so the navigation pane
/// and a table of contents work), bulleted lists with real numbering, tables with a header row, the framework pictures
/// as
/// PNG images with alt text, missing parts as callouts.
/// </summary>
public static class CharterDocx
{
    /// <summary>A4 with 2 cm margins, in twentieths of a point.</summary>
    internal const int PageWidth = 11906,
        PageHeight = 16838,
        Margin = 1134;
    internal const int ContentWidth = PageWidth - 2 * Margin,
        ContentHeight = PageHeight - 2 * Margin;

    public static byte[] Write(CharterDocument doc) => Write(doc, CharterDiagrams.Build);

    /// <param name="diagrams">Draws a picture block (as for the PDF); null means it cannot be drawn, and a note says
    /// so.</param>
    public static byte[] Write(CharterDocument doc, Func<DiagramBlock, Diagram?> diagrams)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            DocxStyles.AddTo(main);
            var body = new Body();
            body.Append(Para(doc.ProjectName, "Title"));
            body.Append(Para("Community charter", "Subtitle"));
            if (doc.Description.Length > 0)
                body.Append(Para(doc.Description));
            body.Append(Para($"Compiled {Date(doc.CompiledUtc)}.", "Meta"));
            foreach (var section in doc.Sections)
            {
                body.Append(Para(section.Title, "Heading1"));
                // The heading keeps with this line (its style says so), and this line with what follows, e.g. a
                // picture.
                if (section.Source is { } s)
                    body.Append(
                        Para(
                            $"From the worksheet ‘{s.WorksheetTitle}’, updated {Date(s.UpdatedUtc)}.",
                            "Meta",
                            keepNext: true
                        )
                    );
                foreach (var block in section.Blocks)
                    AppendBlock(body, block, d => Picture(main, d, diagrams));
            }
            body.Append(Para(CharterText.Attribution, "Meta"));
            body.Append(
                new SectionProperties(
                    new PageSize { Width = PageWidth, Height = PageHeight },
                    new PageMargin
                    {
                        Top = Margin,
                        Bottom = Margin,
                        Left = Margin,
                        Right = Margin,
                        Header = 567,
                        Footer = 567,
                        Gutter = 0,
                    }
                )
            );
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The picture, or a note where it cannot be drawn (its data is in the blocks that follow it).</summary>
    private static Paragraph Picture(MainDocumentPart main, DiagramBlock block, Func<DiagramBlock, Diagram?> diagrams)
    {
        if (diagrams(block) is { Width: > 0, Height: > 0 } diagram)
        {
            try
            {
                return DocxPicture.Create(main, diagram, (uint)main.ImageParts.Count() + 1);
            }
            catch (Exception) { } // a picture that cannot be painted costs the picture, never the download
        }
        return Para(
            $"{block.Title}: the picture could not be drawn here; the details below hold the same information.",
            "Meta"
        );
    }

    private static void AppendBlock(Body body, CharterBlock block, Func<DiagramBlock, Paragraph> picture)
    {
        switch (block)
        {
            case ParagraphBlock p:
                if (p.Label is not null)
                    body.Append(Para(p.Label, "Heading2"));
                body.Append(Para(p.Text));
                break;
            case ListBlock l:
                if (l.Label is not null)
                    body.Append(Para(l.Label, "Heading2"));
                foreach (var item in l.Items)
                    body.Append(Para(item, "ListBullet"));
                break;
            case TableBlock t:
                if (t.Label is not null)
                    body.Append(Para(t.Label, "Heading2"));
                body.Append(Table(t));
                body.Append(Para(""));
                break;
            case DiagramBlock d:
                body.Append(picture(d));
                break;
            case MissingBlock m:
                body.Append(Para("Missing: " + m.Message, "Callout"));
                break;
        }
    }

    /// <summary>A paragraph in a style; line breaks inside the text stay line breaks.</summary>
    private static Paragraph Para(string text, string? style = null, bool keepNext = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
            if (keepNext)
                properties.Append(new KeepNext());
            paragraph.Append(properties);
        }
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(Clean(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>A thin grey rule, the same on every side of every table cell.</summary>
    private static T Line<T>()
        where T : BorderType, new() =>
        new()
        {
            Val = BorderValues.Single,
            Size = 4,
            Color = "BBBBBB",
        };

    private static Table Table(TableBlock t)
    {
        var border = () =>
            new TableBorders(
                Line<TopBorder>(),
                Line<LeftBorder>(),
                Line<BottomBorder>(),
                Line<RightBorder>(),
                Line<InsideHorizontalBorder>(),
                Line<InsideVerticalBorder>()
            );
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                border(),
                new TableLayout { Type = TableLayoutValues.Autofit }
            )
        );
        var grid = new TableGrid();
        foreach (var _ in t.Columns)
            grid.Append(new GridColumn { Width = (9638 / t.Columns.Count).ToString(CultureInfo.InvariantCulture) });
        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var c in t.Columns)
            header.Append(new TableCell(Para(c, "TableHeading")));
        table.Append(header);
        foreach (var row in t.Rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < t.Columns.Count; i++)
                tr.Append(new TableCell(Para(i < row.Count ? row[i] : "", "TableText")));
            table.Append(tr);
        }
        return table;
    }

    /// <summary>XML 1.0 forbids most control characters; a person's text may still hold them.</summary>
    internal static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(ch).Append(s[++i]);
                continue;
            }
            if (ch == '\t')
            {
                sb.Append(' ');
                continue;
            }
            if (char.IsSurrogate(ch) || char.IsControl(ch) || ch is '\uFFFE' or '\uFFFF')
                continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
