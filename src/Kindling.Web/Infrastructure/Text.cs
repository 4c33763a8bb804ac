namespace Kindling.Web.Infrastructure;

public static class Text
{
    /// <summary>Short plain-text fields (names, titles) refuse angle brackets: they are never markup.</summary>
    /// <summary>The text cut to at most <paramref name="max"/> characters, ending in "…" when cut.</summary>
    public static string Clip(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

    public static bool HasMarkup(string? s) => s is not null && (s.Contains('<') || s.Contains('>'));

    /// <summary>
    /// Control characters other than tab and line breaks, and halves of surrogate pairs: nothing a person types, and
    /// PostgreSQL refuses NUL and Npgsql refuses a lone surrogate, so such text is refused before it reaches a
    /// database.
    /// </summary>
    public static bool HasUnstorableCharacters(string? s)
    {
        if (s is null)
            return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < ' ' && c is not '\t' and not '\n' and not '\r')
                return true;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return true;
        }
        return false;
    }
}
