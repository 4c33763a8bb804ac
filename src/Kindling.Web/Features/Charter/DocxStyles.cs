using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kindling.Web.Features.Charter;

/// <summary>The styles and bullet numbering the charter DOCX uses (Word's built-in style ids, so Word maps them to its
/// own).</summary>
internal static class DocxStyles
{
    private const string Font = "DejaVu Sans";
    private const string Accent = "C2410C";

    public static void AddTo(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(
                    new RunPropertiesBaseStyle(
                        new RunFonts
                        {
                            Ascii = Font,
                            HighAnsi = Font,
                            ComplexScript = Font,
                            EastAsia = Font,
                        },
                        new FontSize { Val = "21" },
                        new Languages { Val = "en-GB" }
                    )
                ),
                new ParagraphPropertiesDefault(
                    new ParagraphPropertiesBaseStyle(
                        new SpacingBetweenLines
                        {
                            After = "120",
                            Line = "276",
                            LineRule = LineSpacingRuleValues.Auto,
                        }
                    )
                )
            ),
            Paragraph("Normal", "Normal", null, isDefault: true),
            Paragraph(
                "Title",
                "Title",
                null,
                new RunProperties(new Bold(), new FontSize { Val = "44" }),
                spaceAfter: 60
            ),
            Paragraph(
                "Subtitle",
                "Subtitle",
                null,
                new RunProperties(new Color { Val = Accent }, new FontSize { Val = "28" }),
                spaceAfter: 200
            ),
            Paragraph(
                "Heading1",
                "heading 1",
                0,
                new RunProperties(new Bold(), new Color { Val = Accent }, new FontSize { Val = "32" }),
                spaceBefore: 360
            ),
            Paragraph(
                "Heading2",
                "heading 2",
                1,
                new RunProperties(new Bold(), new FontSize { Val = "22" }),
                spaceBefore: 160,
                spaceAfter: 60
            ),
            Paragraph(
                "Meta",
                "Charter note",
                null,
                new RunProperties(new Italic(), new Color { Val = "555555" }, new FontSize { Val = "18" })
            ),
            Paragraph(
                "TableHeading",
                "Charter table heading",
                null,
                new RunProperties(new Bold(), new FontSize { Val = "18" }),
                spaceAfter: 0
            ),
            Paragraph(
                "TableText",
                "Charter table text",
                null,
                new RunProperties(new FontSize { Val = "18" }),
                spaceAfter: 0
            ),
            ListBullet(),
            Callout()
        );

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" })
                )
                {
                    LevelIndex = 0,
                }
            )
            {
                AbstractNumberId = 1,
            },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 }
        );
    }

    private static Style Paragraph(
        string id,
        string name,
        int? outline,
        RunProperties? run = null,
        bool isDefault = false,
        int? spaceBefore = null,
        int? spaceAfter = null
    )
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        else
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        if (outline is not null)
            style.Append(new PrimaryStyle());
        var para = new StyleParagraphProperties();
        if (outline is not null)
            para.Append(new KeepNext());
        if (spaceBefore is not null || spaceAfter is not null)
            para.Append(
                new SpacingBetweenLines
                {
                    Before = (spaceBefore ?? 0).ToString(CultureInfo.InvariantCulture),
                    After = (spaceAfter ?? 120).ToString(CultureInfo.InvariantCulture),
                }
            );
        if (outline is not null)
            para.Append(new OutlineLevel { Val = outline });
        if (para.HasChildren)
            style.Append(para);
        if (run is not null)
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
        return style;
    }

    private static Style ListBullet() =>
        new(
            new StyleName { Val = "List Bullet" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }),
                new SpacingBetweenLines { After = "60" },
                new Indentation { Left = "720", Hanging = "360" }
            )
        )
        {
            Type = StyleValues.Paragraph,
            StyleId = "ListBullet",
        };

    private static Style Callout() =>
        new(
            new StyleName { Val = "Charter missing callout" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(
                new ParagraphBorders(
                    new LeftBorder
                    {
                        Val = BorderValues.Single,
                        Size = 24,
                        Space = 8,
                        Color = Accent,
                    }
                ),
                new Shading
                {
                    Val = ShadingPatternValues.Clear,
                    Color = "auto",
                    Fill = "FFF7ED",
                },
                new Indentation { Left = "240" }
            ),
            new StyleRunProperties(new Color { Val = "7C2D12" })
        )
        {
            Type = StyleValues.Paragraph,
            StyleId = "Callout",
        };
}
