using DiffPlex;
using DiffPlex.Chunkers;

namespace Kindling.Web.Features.Curricula;

public enum DiffKind
{
    Same,
    Added,
    Removed,

    /// <summary>A run of unchanged lines left out; <see cref="DiffRow.Skipped"/> says how many.</summary>
    Gap,
}

/// <summary>One line of a lesson diff, with its line number in the older (<see cref="FromLine"/>) and newer
/// (<see cref="ToLine"/>) source where it has one.</summary>
public sealed record DiffRow(DiffKind Kind, string Text, int? FromLine, int? ToLine, int Skipped = 0);

/// <summary>
/// The line changes between two sources of a lesson: removed lines come before the lines that replace them, and long
/// unchanged runs are folded into a gap so a small change in a long lesson reads at a glance.
/// </summary>
public sealed record LessonDiff(IReadOnlyList<DiffRow> Rows, int Added, int Removed)
{
    /// <summary>Unchanged lines kept around each change.</summary>
    public const int Context = 3;

    public bool Same => Added == 0 && Removed == 0;

    public static LessonDiff Compare(string from, string to)
    {
        var result = Differ.Instance.CreateDiffs(
            Normal(from),
            Normal(to),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            LineChunker.Instance
        );
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var rows = new List<DiffRow>();
        int x = 0,
            y = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (x < block.DeleteStartA)
                rows.Add(new(DiffKind.Same, a[x++], x, ++y));
            for (var i = 0; i < block.DeleteCountA; i++)
                rows.Add(new(DiffKind.Removed, a[x++], x, null));
            for (var i = 0; i < block.InsertCountB; i++)
                rows.Add(new(DiffKind.Added, b[y++], null, y));
        }
        while (x < a.Count)
            rows.Add(new(DiffKind.Same, a[x++], x, ++y));
        return new(Fold(rows), rows.Count(r => r.Kind == DiffKind.Added), rows.Count(r => r.Kind == DiffKind.Removed));
    }

    private static string Normal(string text) => text.Replace("\r\n", "\n").TrimEnd('\n');

    /// <summary>Keeps every change and <see cref="Context"/> lines either side; the rest become gaps.</summary>
    private static List<DiffRow> Fold(List<DiffRow> rows)
    {
        var keep = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Kind != DiffKind.Same)
                for (var j = Math.Max(0, i - Context); j <= Math.Min(rows.Count - 1, i + Context); j++)
                    keep[j] = true;
        var folded = new List<DiffRow>();
        for (var i = 0; i < rows.Count; )
        {
            if (keep[i])
            {
                folded.Add(rows[i++]);
                continue;
            }
            var start = i;
            while (i < rows.Count && !keep[i])
                i++;
            folded.Add(new(DiffKind.Gap, "", rows[start].FromLine, rows[start].ToLine, i - start));
        }
        return folded;
    }
}
