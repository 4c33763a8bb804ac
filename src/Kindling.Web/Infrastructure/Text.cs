namespace Kindling.Web.Infrastructure;

public static class Text
{
    /// <summary>Short plain-text fields (names, titles) refuse angle brackets: they are never markup.</summary>
    public static bool HasMarkup(string? s) => s is not null && (s.Contains('<') || s.Contains('>'));
}
