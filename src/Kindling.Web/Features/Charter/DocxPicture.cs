using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kindling.Web.Features.Frameworks;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// A framework picture in the Word charter: a PNG image part shown inline, centred, at most the text column wide and
/// 80% of its height (proportions kept, as in the PDF), with the diagram's title and description as its alt text.
/// </summary>
internal static class DocxPicture
{
    /// <summary>A diagram unit is a CSS pixel, 1/96 inch: 9,525 EMU, the size the PDF paints it at too.</summary>
    private const double EmuPerUnit = 9525,
        EmuPerTwip = 635;

    /// <summary>Pixels per displayed CSS pixel: sharp on screens and in print.</summary>
    private const double Density = 2;

    public static Paragraph Create(MainDocumentPart main, Diagram d, uint id)
    {
        var scale = Math.Min(
            1,
            Math.Min(
                CharterDocx.ContentWidth * EmuPerTwip / (d.Width * EmuPerUnit),
                CharterDocx.ContentHeight * 0.8 * EmuPerTwip / (d.Height * EmuPerUnit)
            )
        );
        long cx = (long)Math.Round(d.Width * scale * EmuPerUnit),
            cy = (long)Math.Round(d.Height * scale * EmuPerUnit);
        // first: if drawing fails, the document is left as it was
        var png = PngDiagramPainter.Write(d, scale * Density);
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
            image.FeedData(stream);
        var name = $"Picture {id}";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent
            {
                LeftEdge = 0,
                TopEdge = 0,
                RightEdge = 0,
                BottomEdge = 0,
            },
            new DW.DocProperties
            {
                Id = id,
                Name = name,
                Title = Text(d.Title),
                Description = Text(d.Description),
            },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(
                new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(
                            new Pic.NonVisualDrawingProperties { Id = 0, Name = name },
                            new Pic.NonVisualPictureDrawingProperties()
                        ),
                        new Pic.BlipFill(
                            new A.Blip { Embed = main.GetIdOfPart(image) },
                            new A.Stretch(new A.FillRectangle())
                        ),
                        new Pic.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }
                        )
                    )
                )
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture",
                }
            )
        )
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        };
        return new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "120", After = "120" },
                new Justification { Val = JustificationValues.Center }
            ),
            new Run(new Drawing(inline))
        );
    }

    private static string Text(string s) => CharterDocx.Clean(TextLayout.Clean(s));
}
