using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Kernel;

/// <summary>
/// The credit a reused work asks for (TASL: title, author, source, licence) and what was changed. Lesson and template
/// files carry it in a <c>credit:</c> block; pages and exports show it with the title linked to the source and the
/// licence linked to its text.
/// </summary>
public sealed record Credit(
    string Title,
    string Author,
    string Source,
    string Licence,
    string LicenceUrl,
    string Changes
)
{
    public static readonly string[] Keys = ["title", "author", "source", "licence", "licence_url", "changes"];

    /// <summary>The built-in curriculum's credit: what a file without its own block is adapted from.</summary>
    public static readonly Credit Foundations = new(
        "Foundational Community Building and Engagement Training",
        "Malvika Sharan",
        "https://github.com/alan-turing-institute/open-community-building",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        "Changes were made."
    );

    /// <summary>"Adapted from “Title” by Author, CC BY 4.0; changes" as plain text. (Markdown exports write it with
    /// their own writer, which escapes every part.)</summary>
    public string Text => $"Adapted from “{Title}” by {Author} ({Source}), {Licence} ({LicenceUrl}). {Changes}".Trim();

    /// <summary>The same as HTML (every part encoded), with the title and the licence as links.</summary>
    public string Html
    {
        get
        {
            static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
            var changes = Changes.Length > 0 ? " " + E(Changes) : "";
            return $"Adapted from “<a href=\"{E(Source)}\" rel=\"noopener noreferrer\">{E(Title)}</a>” by "
                + $"{E(Author)}, licensed <a href=\"{E(LicenceUrl)}\" rel=\"license noopener noreferrer\">"
                + $"{E(Licence)}</a>.{changes}";
        }
    }

    /// <summary>Reads a <c>credit:</c> block; every key but <c>changes</c> is required, the addresses must be
    /// https.</summary>
    internal static Credit? Read(YamlReader file, YamlMappingNode node)
    {
        var r = file.For(node);
        r.RejectUnknown(Keys, "credit");
        var (title, author) = (r.Required("title", 300), r.Required("author", 300));
        var source = r.HttpsUrl("source", required: true);
        var licence = r.Required("licence", 100);
        var licenceUrl = r.HttpsUrl("licence_url", required: true);
        var changes = r.Optional("changes", 500) ?? "";
        return title is null || author is null || source is null || licence is null || licenceUrl is null
            ? null
            : new Credit(title, author, source, licence, licenceUrl, changes);
    }
}
