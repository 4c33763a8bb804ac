using System.Globalization;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Concerns;

/// <summary>The checks every text of a report passes (what happened, people involved, notes, replies,
/// additions).</summary>
public static class ConcernText
{
    public const int MaxLength = 10_000;
    public const int MaxPeopleLength = 1_000;

    /// <summary>Null when the text may be stored, else what to change. Blank text counts as missing.</summary>
    /// <param name="missing">What to say when required text is blank, e.g. "Write what happened."</param>
    public static string? Problem(string? text, string name, int max, string? missing)
    {
        if (string.IsNullOrWhiteSpace(text))
            return missing;
        if (text.Length > max)
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{name} can be at most {max:N0} characters; it is {text.Length:N0}. Shorten it and send it again."
            );
        if (Infrastructure.Text.HasUnstorableCharacters(text))
            return $"{name} contains a control character Kindling can't store; remove it and send it again.";
        return null;
    }

    /// <summary>Blank becomes null; other text keeps its words, without blank lines around it.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
