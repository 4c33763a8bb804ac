using System.Text;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Writes CSV (RFC 4180: comma-separated, CRLF, a field quoted when it holds a comma, a quote, a line break or
/// surrounding spaces, quotes doubled) that a spreadsheet opens as text: a cell that starts with = + - @ (or a tab or
/// carriage return) would be run as a formula, so it gets a leading apostrophe.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _csv = new();

    public CsvWriter Row(params IEnumerable<string?> cells)
    {
        _csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public CsvWriter Blank()
    {
        _csv.Append("\r\n");
        return this;
    }

    public override string ToString() => _csv.ToString();

    /// <summary>The file's bytes: UTF-8 with a byte-order mark, so spreadsheets read the names right.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_csv.ToString())];

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        var quote =
            text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])));
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
