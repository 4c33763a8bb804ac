using Kindling.Web.Features.Curricula;
using Kindling.Web.Kernel;

namespace Kindling.Tests.Curricula;

public class SourceProblemsTests
{
    private static readonly string Source = string.Join("\r\n", Enumerable.Range(1, 12).Select(i => $"line {i}"));

    private static List<List<(int, string, int)>> Runs(params CurriculumError[] errors) =>
        new SourceProblems("Nothing was saved", Source, errors)
            .Excerpts()
            .Select(run => run.Select(l => (l.Number, l.Text, l.Problems.Count)).ToList())
            .ToList();

    [Fact]
    public void Excerpts_ErrorsApart_AreSeparateRunsWithALineEachSide()
    {
        var runs = Runs(new CurriculumError("a.yml", 3, "Bad"), new CurriculumError("a.yml", 9, "Worse"));

        Assert.Equal(
            [
                [(2, "line 2", 0), (3, "line 3", 1), (4, "line 4", 0)],
                [(8, "line 8", 0), (9, "line 9", 1), (10, "line 10", 0)],
            ],
            runs
        );
    }

    [Fact]
    public void Excerpts_NearbyErrorsAndTwoOnOneLine_ShareOneRunAndStayInsideTheFile()
    {
        var runs = Runs(
            new CurriculumError("a.yml", 1, "First"),
            new CurriculumError("a.yml", 2, "Second"),
            new CurriculumError("a.yml", 2, "Third"),
            new CurriculumError("a.yml", 12, "Last"),
            new CurriculumError("a.yml", 40, "Past the end")
        );

        Assert.Equal(
            [
                [(1, "line 1", 1), (2, "line 2", 2), (3, "line 3", 0)],
                [(11, "line 11", 0), (12, "line 12", 1)],
            ],
            runs
        );
    }
}
