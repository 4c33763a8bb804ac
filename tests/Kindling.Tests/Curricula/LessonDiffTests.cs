using Kindling.Web.Features.Curricula;

namespace Kindling.Tests.Curricula;

public class LessonDiffTests
{
    private static string Numbered(int count, Func<int, string>? line = null) =>
        string.Join("\n", Enumerable.Range(1, count).Select(i => line?.Invoke(i) ?? $"line {i}")) + "\n";

    [Fact]
    public void Compare_SameText_HasNoChanges()
    {
        var diff = LessonDiff.Compare("a\nb\n", "a\r\nb\r\n");

        Assert.True(diff.Same);
        Assert.Equal((0, 0), (diff.Added, diff.Removed));
    }

    [Fact]
    public void Compare_ChangedLine_IsRemovedThenAddedWithLineNumbers()
    {
        var diff = LessonDiff.Compare("title: Old\nbody\n", "title: New\nbody\nmore\n");

        Assert.Equal(
            [
                new DiffRow(DiffKind.Removed, "title: Old", 1, null),
                new DiffRow(DiffKind.Added, "title: New", null, 1),
                new DiffRow(DiffKind.Same, "body", 2, 2),
                new DiffRow(DiffKind.Added, "more", null, 3),
            ],
            diff.Rows
        );
        Assert.Equal((2, 1), (diff.Added, diff.Removed));
    }

    [Fact]
    public void Compare_OneChangeInALongLesson_FoldsTheUnchangedRunsIntoGaps()
    {
        var from = Numbered(40);
        var to = Numbered(40, i => i == 20 ? "line twenty" : $"line {i}");

        var diff = LessonDiff.Compare(from, to);

        var gap = new DiffRow(DiffKind.Gap, "", 1, 1, 16);
        Assert.Equal(gap, diff.Rows[0]);
        Assert.Equal(
            ["line 17", "line 18", "line 19", "line 20", "line twenty", "line 21", "line 22", "line 23"],
            diff.Rows.Skip(1).Take(8).Select(r => r.Text)
        );
        Assert.Equal(new DiffRow(DiffKind.Gap, "", 24, 24, 17), diff.Rows[^1]);
        Assert.Equal(10, diff.Rows.Count);
    }
}
