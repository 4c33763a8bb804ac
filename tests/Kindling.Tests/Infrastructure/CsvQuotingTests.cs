using System.Text;
using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Infrastructure;

/// <summary>CSV that a spreadsheet opens as text: formulas defused, RFC 4180 quoting.</summary>
public class CsvQuotingTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("Plain name", "Plain name")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("x=1", "x=1")]
    public void Cell_DefusesFormulasAndQuotesWhenNeeded(string? value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Rows_EndWithCrLf_AndBytesStartWithUtf8Mark()
    {
        var csv = new Csv().Row("Name", "Ünïcode").Blank().Row("a\"b");

        Assert.Equal("Name,Ünïcode\r\n\r\n\"a\"\"b\"\r\n", csv.ToString());
        var bytes = csv.ToBytes();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(csv.ToString(), Encoding.UTF8.GetString(bytes[3..]));
    }
}
