namespace Kindling.Web.Features.Curricula;

/// <summary>
/// What the source editors (lessons, templates) show when a text is refused (partial <c>_SourceProblems</c>): every
/// error with its file and line, then the lines named, numbered, each error beside its line. <see cref="Other"/> holds
/// problems that belong to no line (a note too long, a file too large).
/// </summary>
public sealed record SourceProblems(
    string Heading,
    string Source,
    IReadOnlyList<CurriculumError> Errors,
    IReadOnlyList<string>? Other = null
)
{
    /// <summary>Lines shown before and after each line with a problem.</summary>
    public const int Context = 1;

    public sealed record Line(int Number, string Text, IReadOnlyList<string> Problems);

    /// <summary>The numbered lines around the errors, in runs of consecutive lines.</summary>
    public IReadOnlyList<IReadOnlyList<Line>> Excerpts()
    {
        var lines = Source.Replace("\r\n", "\n").Split('\n');
        var byLine = Errors
            .Where(e => e.Line >= 1 && e.Line <= lines.Length)
            .GroupBy(e => e.Line)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Message).ToList());
        var shown = byLine
            .Keys.SelectMany(n => Enumerable.Range(n - Context, 2 * Context + 1))
            .Where(n => n >= 1 && n <= lines.Length)
            .Distinct()
            .Order()
            .ToList();
        var runs = new List<List<Line>>();
        foreach (var n in shown)
        {
            if (runs.Count == 0 || runs[^1][^1].Number != n - 1)
                runs.Add([]);
            runs[^1].Add(new Line(n, lines[n - 1], byLine.GetValueOrDefault(n, [])));
        }
        return runs;
    }

    /// <summary>The anchor of a line with a problem, which its entry in the list links to.</summary>
    public static string Anchor(int line) => $"line-{line}";
}
