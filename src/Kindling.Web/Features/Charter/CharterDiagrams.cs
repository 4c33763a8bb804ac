using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Charter;

/// <summary>Draws a charter's framework pictures: each with the picture of the field type that wrote it, the same one
/// the worksheet editor shows.</summary>
public static class CharterDiagrams
{
    public static Diagram Build(DiagramBlock block) => FieldTypes.Of(block.Kind).Picture(block.Data);

    /// <summary>The picture as inline SVG for a page.</summary>
    public static string Svg(DiagramBlock block) => SvgWriter.Write(Build(block));
}
