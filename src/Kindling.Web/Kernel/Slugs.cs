using System.Text.RegularExpressions;

namespace Kindling.Web.Kernel;

/// <summary>The one shape of a slug (curricula, lessons, templates, field ids): lower-case words joined by
/// hyphens.</summary>
public static partial class Slugs
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    public static partial Regex Pattern();
}
