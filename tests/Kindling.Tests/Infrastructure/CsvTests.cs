using System.Text;
using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Infrastructure;

public class CsvTests
{
    [Theory]
    [InlineData("Ann", "Ann")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Smith, Ann", "\"Smith, Ann\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("x=1", "x=1")]
    public void Cell_QuotesAndDisarmsFormulas(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void ToBytes_IsUtf8WithByteOrderMark_RowsEndWithCrLf()
    {
        var bytes = new Csv().Row("Zoë", null, "3").ToBytes();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Zoë,,3\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Blank_SeparatesTables_WithAnEmptyLine() =>
        Assert.Equal("a\r\n\r\nb\r\n", new Csv().Row("a").Blank().Row("b").ToString());
}
