using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Versions;

namespace Kindling.Tests.Worksheets;

public class VersionDiffTests
{
    private static string Show(IEnumerable<DiffLine> lines) =>
        string.Join(
            "\n",
            lines.Select(l =>
                (
                    l.Change switch
                    {
                        LineChange.Added => "+",
                        LineChange.Removed => "-",
                        _ => " ",
                    }
                ) + l.Text
            )
        );

    [Fact]
    public void Lines_ChangedMiddleLine_IsRemovedThenAdded()
    {
        var d = VersionDiff.Lines(["one", "two", "three"], ["one", "2", "three", "four"]);
        Assert.Equal(" one\n-two\n+2\n three\n+four", Show(d));
    }

    [Fact]
    public void Compare_LongText_DiffsLineByLine()
    {
        var t = TestTemplates.Of(TestTemplates.Field("story", FieldTypes.LongText, "Story"));
        var a = WorksheetData.Empty();
        a.Set("story", "We met.\nWe grew.");
        var b = WorksheetData.Empty();
        b.Set("story", "We met.\nWe grew fast.\nWe split.");
        var diff = Assert.Single(VersionDiff.Compare(t, a, b));
        Assert.True(diff.Changed);
        Assert.Equal(" We met.\n-We grew.\n+We grew fast.\n+We split.", Show(diff.Lines));
    }

    [Fact]
    public void Compare_TableRowRemovedAndAdded_ShowsRows()
    {
        var t = TestTemplates.Of(TestTemplates.Field("plan", FieldTypes.Table, "Plan", columns: ["What", "Who"]));
        var a = WorksheetData.Empty();
        a.Set("plan", new[] { new[] { "Meetup", "Ana" }, new[] { "Blog", "Ben" } });
        var b = WorksheetData.Empty();
        b.Set("plan", new[] { new[] { "Meetup", "Ana" }, new[] { "Podcast", "Cleo" } });
        Assert.Equal(" Meetup | Ana\n-Blog | Ben\n+Podcast | Cleo", Show(VersionDiff.Compare(t, a, b)[0].Lines));
    }

    [Fact]
    public void Compare_ListItemAdded_IsOneAddedLine()
    {
        var t = TestTemplates.Of(TestTemplates.Field("people", FieldTypes.List, "People"));
        var a = WorksheetData.Empty();
        a.Set("people", new[] { "Ana" });
        var b = WorksheetData.Empty();
        b.Set("people", new[] { "Ana", "Ben" });
        Assert.Equal(" Ana\n+Ben", Show(VersionDiff.Compare(t, a, b)[0].Lines));
    }

    [Fact]
    public void Compare_StakeholderMoved_ShowsOldAndNewQuadrant()
    {
        var t = TestTemplates.Of(
            TestTemplates.Field("map", FieldTypes.StakeholderMap, "Map"),
            TestTemplates.Field("note", FieldTypes.Text, "Note")
        );
        var a = WorksheetData.Empty();
        a.Set("map", new[] { new Stakeholder("Funders", "Money", "", 8, 3) });
        var b = WorksheetData.Empty();
        b.Set("map", new[] { new Stakeholder("Funders", "Money", "", 8, 9) });
        var diffs = VersionDiff.Compare(t, a, b);
        Assert.Equal(
            "-Funders | Money |  | power 8, interest 3 (Keep satisfied)\n+Funders | Money |  | power 8, interest 9 "
                + "(Manage closely)",
            Show(diffs[0].Lines)
        );
        Assert.False(diffs[1].Changed);
    }

    [Fact]
    public void Compare_SuccessAndValues_ShowLabelledLines()
    {
        var t = TestTemplates.Of(
            TestTemplates.Field("s", FieldTypes.Success, "Success"),
            TestTemplates.Field("v", FieldTypes.Values, "Values")
        );
        var a = WorksheetData.Empty();
        a.Set("s", new SuccessDefinition("10 members", "", ""));
        a.Set("v", new CoreValues(["Care"], "", "", []));
        var b = WorksheetData.Empty();
        b.Set("s", new SuccessDefinition("10 members", "Monthly meetups", ""));
        b.Set("v", new CoreValues(["Care", "Courage"], "Care", "", []));
        var diffs = VersionDiff.Compare(t, a, b);
        Assert.Equal(" 6 months: 10 members\n+12 months: Monthly meetups", Show(diffs[0].Lines));
        Assert.Equal("-Values: Care\n+Values: Care, Courage\n+Defined: Care", Show(diffs[1].Lines));
    }
}
