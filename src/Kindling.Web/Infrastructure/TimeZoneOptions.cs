using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// The options of a time-zone &lt;select&gt;: a first empty choice (a form never picks a zone for the person unseen),
/// then every zone of the list with the legacy names browsers may report for it (timezone.js matches them). Several
/// hundred options: written once, encoded, and each page writes that text around its chosen zone's mark, without
/// copying it (docs/performance.md).
/// </summary>
public static class TimeZoneOptions
{
    private const string Option = "<option ";
    private const string Choose = "<option value=\"\">Choose a time zone</option>\n";
    private const string ChooseChosen = "<option value=\"\" selected>Choose a time zone</option>\n";

    private sealed record Written(string Text, Dictionary<string, int> At);

    private static readonly Lazy<Written> All = new(() =>
    {
        var text = new System.Text.StringBuilder();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var z in TimeZones.All)
        {
            at[z] = text.Length;
            var zone = HtmlEncoder.Default.Encode(z);
            var aliases = TimeZones.AliasesOf(z);
            var data = aliases.Length > 0 ? $" data-aliases=\"{HtmlEncoder.Default.Encode(aliases)}\"" : "";
            text.Append(Option + "value=\"" + zone + "\"" + data + ">" + zone + "</option>\n");
        }
        return new(text.ToString(), at);
    });

    public static IHtmlContent Html(string? current) => new Options(TimeZones.Canonical(current));

    private sealed class Options(string? chosen) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var all = All.Value;
            if (chosen is null || !all.At.TryGetValue(chosen, out var at))
            {
                writer.Write(chosen is null ? ChooseChosen : Choose);
                writer.Write(all.Text);
                return;
            }
            writer.Write(Choose);
            writer.Write(all.Text.AsSpan(0, at));
            writer.Write("<option selected ");
            writer.Write(all.Text.AsSpan(at + Option.Length));
        }
    }
}
