using System.Text;

namespace Kindling.Web.Features.Charter;

/// <summary>Words every charter export shares.</summary>
public static class CharterText
{
    public const string Attribution =
        "Compiled with Kindling. The charter's frameworks follow “Foundational Community Building and Engagement "
        + "Training” "
        + "by Malvika Sharan (CC BY 4.0), adapted; the content is the project's own.";

    /// <summary>What the public sees for a missing section: the fill-in hints are for the project's managers.</summary>
    public const string NotWrittenPublic = "This part of the charter has not been written yet.";

    /// <summary>A download file name from the project name: lower-case letters, digits and hyphens only.</summary>
    public static string FileName(string projectName, string extension)
    {
        var slug = CharterSlugs.Readable(projectName);
        return $"{(slug.Length == 0 ? "community" : slug)}-charter.{extension}";
    }
}
