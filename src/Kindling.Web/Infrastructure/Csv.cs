using System.Text;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Writes CSV for spreadsheets (RFC 4180): every cell quoted when it holds a comma, quote or line break; a cell that a
/// spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
/// apostrophe, so people's text stays text. <see cref="ToBytes"/> gives UTF-8 with a byte order mark, which spreadsheet
/// programs need to read non-ASCII names right.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params IEnumerable<string?> cells)
    {
        _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    /// <summary>An empty line, between the tables of a file that holds several.</summary>
    public Csv Blank()
    {
        _text.Append("\r\n");
        return this;
    }

    /// <summary>One cell; quoted when it holds a comma, quote or line break, or starts or ends with a space (which
    /// spreadsheets would trim).</summary>
    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            v = "'" + v;
        var quote =
            v.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (v.Length > 0 && (char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1])));
        return quote ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    public override string ToString() => _text.ToString();

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public const string ContentType = "text/csv; charset=utf-8";
}
