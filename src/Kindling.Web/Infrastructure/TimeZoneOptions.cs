using System.Text.Encodings.Web;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// The options of a time-zone &lt;select&gt;: a first empty choice (a form never picks a zone for the person unseen),
/// then every zone of the list with the legacy names browsers may report for it (timezone.js matches them). Several
/// hundred options: written once, encoded, then only the current zone's is marked per page (docs/performance.md).
/// </summary>
public static class TimeZoneOptions
{
    private static readonly Lazy<(string Zone, string Html)[]> Options = new(() =>
        [
            .. TimeZones.All.Select(z =>
            {
                var zone = HtmlEncoder.Default.Encode(z);
                var aliases = TimeZones.AliasesOf(z);
                var data = aliases.Length > 0 ? $" data-aliases=\"{HtmlEncoder.Default.Encode(aliases)}\"" : "";
                return (z, $"<option value=\"{zone}\"{data}>{zone}</option>\n");
            }),
        ]
    );

    public static string Html(string? current)
    {
        var canonical = TimeZones.Canonical(current);
        var html = new System.Text.StringBuilder(64 * 1024);
        html.Append(
            canonical is null
                ? "<option value=\"\" selected>Choose a time zone</option>\n"
                : "<option value=\"\">Choose a time zone</option>\n"
        );
        foreach (var (zone, option) in Options.Value)
            html.Append(zone == canonical ? option.Replace("<option ", "<option selected ") : option);
        return html.ToString();
    }
}
