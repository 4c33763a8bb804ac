using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// The options of a time-zone &lt;select&gt;: a first empty choice (a form never picks a zone for the person unseen),
/// then every zone of the list, its name both the label and the value (an option without a value attribute submits its
/// text). Forms that pre-select the browser's zone (timezone.js) also list the legacy names browsers may report for
/// each zone; the profile, where the person has a zone, leaves them out. Several hundred options: written once,
/// encoded, and each page writes that text around its chosen zone's mark, without copying it (docs/performance.md).
/// </summary>
public static class TimeZoneOptions
{
    private const string Option = "<option";
    private const string Choose = "<option value=\"\">Choose a time zone</option>\n";
    private const string ChooseChosen = "<option value=\"\" selected>Choose a time zone</option>\n";

    private sealed record Written(string Text, Dictionary<string, int> At);

    private static readonly Lazy<Written> WithAliases = new(() => Write(aliases: true));
    private static readonly Lazy<Written> Plain = new(() => Write(aliases: false));

    private static Written Write(bool aliases)
    {
        var text = new System.Text.StringBuilder();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var z in TimeZones.All)
        {
            at[z] = text.Length;
            var names = aliases ? TimeZones.AliasesOf(z) : "";
            var data = names.Length > 0 ? $" data-aliases=\"{HtmlEncoder.Default.Encode(names)}\"" : "";
            text.Append(Option + data + ">" + HtmlEncoder.Default.Encode(z) + "</option>\n");
        }
        return new(text.ToString(), at);
    }

    /// <summary>The options, <paramref name="current"/>'s zone chosen; <paramref name="detect"/> when the select
    /// carries data-detect-timezone.</summary>
    public static IHtmlContent Html(string? current, bool detect) =>
        new Options(TimeZones.Canonical(current), detect ? WithAliases : Plain);

    private sealed class Options(string? chosen, Lazy<Written> written) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var all = written.Value;
            if (chosen is null || !all.At.TryGetValue(chosen, out var at))
            {
                writer.Write(chosen is null ? ChooseChosen : Choose);
                writer.Write(all.Text);
                return;
            }
            writer.Write(Choose);
            writer.Write(all.Text.AsSpan(0, at));
            writer.Write("<option selected");
            writer.Write(all.Text.AsSpan(at + Option.Length));
        }
    }
}
