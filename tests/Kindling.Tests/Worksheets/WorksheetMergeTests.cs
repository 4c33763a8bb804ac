using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Tests.Worksheets;

public class WorksheetMergeTests
{
    private static readonly WorksheetTemplate T = TestTemplates.Of(
        TestTemplates.Field("vision", FieldTypes.LongText, "Vision"),
        TestTemplates.Field("mission", FieldTypes.LongText, "Mission"),
        TestTemplates.Field("stakeholders", FieldTypes.StakeholderMap, "Stakeholders")
    );

    private static WorksheetData Data(string vision, string mission, params Stakeholder[] s)
    {
        var d = WorksheetData.Empty();
        d.Set("vision", vision);
        d.Set("mission", mission);
        d.Set("stakeholders", s);
        return d;
    }

    [Fact]
    public void Merge_DifferentFieldsChanged_TakesBoth()
    {
        var b = Data("v", "m");
        var r = WorksheetMerge.Merge(T, b, theirs: Data("v", "their mission"), mine: Data("my vision", "m"));
        Assert.Empty(r.Conflicts);
        Assert.Equal("my vision", r.Merged.GetText("vision"));
        Assert.Equal("their mission", r.Merged.GetText("mission"));
        Assert.Equal(["mission"], r.TakenFromTheirs);
    }

    [Fact]
    public void Merge_SameFieldChangedDifferently_IsAConflict()
    {
        var b = Data("v", "m", new Stakeholder("Funders", "", "", 3, 3));
        var r = WorksheetMerge.Merge(
            T,
            b,
            theirs: Data("v", "m", new Stakeholder("Funders", "", "", 9, 3)),
            mine: Data("v", "m", new Stakeholder("Funders", "", "", 3, 9))
        );
        Assert.Equal(["stakeholders"], r.Conflicts);
    }

    [Fact]
    public void Merge_BothMadeTheSameChange_IsNoConflict()
    {
        var r = WorksheetMerge.Merge(T, Data("v", "m"), theirs: Data("same", "m"), mine: Data("same", "m"));
        Assert.Empty(r.Conflicts);
        Assert.Equal("same", r.Merged.GetText("vision"));
    }

    [Fact]
    public void Merge_MissingValueVersusEmptyText_CountsAsUnchanged()
    {
        var empty = WorksheetData.Empty(); // a fresh copy has no values yet
        var r = WorksheetMerge.Merge(T, empty, theirs: Data("their vision", ""), mine: Data("", "my mission"));
        Assert.Empty(r.Conflicts);
        Assert.Equal("their vision", r.Merged.GetText("vision"));
        Assert.Equal("my mission", r.Merged.GetText("mission"));
    }
}
