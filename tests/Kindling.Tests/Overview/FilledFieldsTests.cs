using Kindling.Domain;
using Kindling.Web.Features.Overview;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Tests.Overview;

/// <summary>Counting filled fields: a fresh copy counts none, even where a field starts with defaults.</summary>
public class FilledFieldsTests
{
    private static TemplateField Field(string id, string type) => new(id, type, id, "", [], [], []);

    private static readonly WorksheetTemplate Template = new(
        "t",
        "l",
        "T",
        "",
        [
            new TemplateSection(
                "One",
                "",
                [
                    Field("story", FieldTypes.LongText),
                    Field("skills", FieldTypes.Skills),
                    Field("mountain", FieldTypes.Mountain),
                    Field("names", FieldTypes.List),
                ]
            ),
        ]
    );

    private static string FreshCopy() =>
        MakeCopy
            .Create(new Project { CohortId = Guid.NewGuid() }, Template, "u", DateTime.UnixEpoch, ProjectContext.None)
            .Worksheet.DataJson;

    [Fact]
    public void FreshCopy_WithStartingDefaults_IsCopiedWithNothingFilled()
    {
        var p = FilledFields.Of(Template, FreshCopy(), shared: false);

        Assert.Equal(new Progress(ProgressState.Copied, 0, 4), p);
        Assert.Equal("Copied", p.Label);
    }

    [Fact]
    public void SomeFieldsWritten_IsBeingFilledWithTheirShare_SharedWins()
    {
        var data = WorksheetData.Parse(FreshCopy());
        data.Set("story", "We met at a repair café.");
        data.Set("names", new List<string> { "Ana", " " });

        var p = FilledFields.Of(Template, data.ToJson(), shared: false);
        Assert.Equal(new Progress(ProgressState.BeingFilled, 2, 4), p);
        Assert.Equal("Being filled (50%)", p.Label);
        Assert.Equal(ProgressState.Shared, FilledFields.Of(Template, data.ToJson(), shared: true).State);
    }

    [Fact]
    public void BrokenData_CountsNothing()
    {
        Assert.Equal(0, FilledFields.Count(Template, "{not json"));
        Assert.Equal(0, FilledFields.Count(Template, "{\"story\": 42}"));
    }

    [Fact]
    public void Furthest_LaterStateWins_ThenMoreFields()
    {
        var copied = new Progress(ProgressState.Copied, 0, 4);
        var some = new Progress(ProgressState.BeingFilled, 1, 4);
        var more = new Progress(ProgressState.BeingFilled, 3, 4);
        var shared = new Progress(ProgressState.Shared, 1, 4);

        Assert.Same(some, Progress.Furthest(copied, some));
        Assert.Same(more, Progress.Furthest(more, some));
        Assert.Same(shared, Progress.Furthest(more, shared));
    }
}
