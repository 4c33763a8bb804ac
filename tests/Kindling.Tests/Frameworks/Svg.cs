using System.Globalization;
using System.Xml.Linq;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

/// <summary>Parses written SVG with System.Xml.Linq (which throws on anything not well-formed) and reads it
/// back.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = SvgWriter.Namespace;

    public static XElement Parse(Diagram d) => XDocument.Parse(SvgWriter.Write(d)).Root!;

    public static IEnumerable<XElement> WithClass(this XElement root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cssClass));

    public static double Num(this XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Data(this XElement e, string name) => (string)e.Attribute("data-" + name)!;

    /// <summary>The visible text of the &lt;text&gt; elements under <paramref name="e"/>, tooltips excluded.</summary>
    public static List<string> Texts(this XElement e) =>
        e.DescendantsAndSelf(Ns + "text")
            .Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value)))
            .ToList();

    public static XElement FirstCircle(this XElement e) => e.Descendants(Ns + "circle").First();
}
