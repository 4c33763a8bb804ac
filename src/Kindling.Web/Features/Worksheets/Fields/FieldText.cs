using System.Globalization;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>Small text helpers the field types share for lines and charter blocks.</summary>
public static class FieldText
{
    /// <summary>A text's lines; none for empty text.</summary>
    public static List<string> Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n").Split('\n').ToList();

    public static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);

    /// <summary>Text as written, trimmed with line breaks normalised; null when there is none.</summary>
    public static string? Written(string? s) => Has(s) ? s!.Replace("\r\n", "\n").Trim() : null;

    /// <summary>The items that hold something, trimmed.</summary>
    public static List<string> Items(IEnumerable<string>? items) =>
        (items ?? []).Where(Has).Select(i => i.Trim()).ToList();

    /// <summary>A table row of trimmed cells.</summary>
    public static IReadOnlyList<string> Row(params string?[] cells) => cells.Select(c => (c ?? "").Trim()).ToList();

    /// <summary>An ISO date (yyyy-MM-dd) as people read it ("14 March 2027"); anything else as written.</summary>
    public static string FormatDate(string iso) =>
        DateOnly.TryParseExact(iso.Trim(), "yyyy-MM-dd", out var d)
            ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : iso.Trim();

    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
