using Kindling.Web.Features.LiveSession;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>
/// Groups shared worksheets for peer feedback, at random or balanced by a profile field (dealt as breakouts are, see
/// <see cref="BreakoutSplit"/>): in each group the managers of every worksheet give feedback on the others, never on
/// their own project's. A pure function of its input and the random source.
/// </summary>
/// <remarks>
/// Worksheets whose managers did not agree to exchange across cohorts (<see cref="Entry.Open"/> false) are only ever
/// grouped with worksheets of their own cohort: they form their own pool, and the others (the opted-in of every
/// cohort) another. A worksheet that cannot be placed in a group of at least two is left out and reported.
/// </remarks>
public static class PeerPairing
{
    /// <param name="Managers">Everyone who manages the worksheet's project: they never review it.</param>
    /// <param name="Reviewers">The managers who take part in the worksheet's cohort: they review the others in the
    /// group.</param>
    /// <param name="Value">The profile value groups are balanced by (e.g. the owner's organisation).</param>
    /// <param name="Open">Its managers agreed to exchange feedback with other cohorts.</param>
    public sealed record Entry(
        Guid WorksheetId,
        Guid CohortId,
        IReadOnlyList<string> Managers,
        IReadOnlyList<string> Reviewers,
        string? Value = null,
        bool Open = false
    );

    public sealed record Review(int Group, string ReviewerId, Guid WorksheetId);

    public sealed record Result(
        IReadOnlyList<IReadOnlyList<Entry>> Groups,
        IReadOnlyList<Review> Reviews,
        IReadOnlyList<Entry> LeftOut
    );

    public static Result Arrange(
        IReadOnlyList<Entry> entries,
        Guid homeCohortId,
        int groupSize,
        bool balanced,
        Random rng
    )
    {
        var size = Math.Clamp(groupSize, 2, 3);
        var leftOut = entries.Where(e => e.CohortId != homeCohortId && !e.Open).ToList();
        var local = entries.Where(e => e.CohortId == homeCohortId && !e.Open).ToList();
        var open = entries.Where(e => e.Open).ToList();
        if (open.All(e => e.CohortId == homeCohortId))
            (local, open) = ([.. local, .. open], []); // nobody from elsewhere: one pool
        if (local.Count == 1 && open.FirstOrDefault(e => e.CohortId == homeCohortId) is { } partner)
        {
            open.Remove(partner);
            local.Add(partner);
        }
        if (open.Count == 1 && open[0].CohortId == homeCohortId)
            (local, open) = ([.. local, open[0]], []);
        var groups = new List<IReadOnlyList<Entry>>();
        foreach (var pool in new[] { local, open })
        {
            if (pool.Count < 2)
            {
                leftOut.AddRange(pool);
                continue;
            }
            groups.AddRange(Repair(Deal(pool, size, balanced, rng), rng));
        }
        return new Result(groups, ReviewsOf(groups), leftOut);
    }

    /// <summary>As many groups as keep every group between 2 and the size asked for (3 when 2 leaves one
    /// alone).</summary>
    public static int GroupCount(int people, int size)
    {
        var groups = (people + size - 1) / size;
        if (groups > 0 && people / groups < 2)
            groups = people / size;
        return Math.Max(1, groups);
    }

    /// <summary>Everyone reviews every other worksheet of their group that is not their own project's.</summary>
    public static List<Review> ReviewsOf(IReadOnlyList<IReadOnlyList<Entry>> groups)
    {
        var reviews = new List<Review>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var reviewed in groups[g])
                reviews.AddRange(
                    groups[g]
                        .Where(e => e != reviewed)
                        .SelectMany(e => e.Reviewers)
                        .Where(r => !reviewed.Managers.Contains(r))
                        .Distinct(StringComparer.Ordinal)
                        .Select(r => new Review(g + 1, r, reviewed.WorksheetId))
                );
        return reviews;
    }

    private static List<List<Entry>> Deal(List<Entry> pool, int size, bool balanced, Random rng)
    {
        var byId = pool.ToDictionary(e => e.WorksheetId.ToString());
        var count = GroupCount(pool.Count, size);
        var dealt = balanced
            ? BreakoutSplit.Balanced(
                pool.Select(e => new BreakoutSplit.Person(e.WorksheetId.ToString(), e.Value)).ToList(),
                count,
                rng
            )
            : BreakoutSplit.Random(pool.Select(e => e.WorksheetId.ToString()).ToList(), count, rng);
        return dealt.Select(g => g.Select(id => byId[id]).ToList()).ToList();
    }

    /// <summary>
    /// A group is stuck when one of its worksheets would get no feedback or one of its reviewers would give none (the
    /// same people manage several of its worksheets); swapping worksheets with other groups unsticks it.
    /// </summary>
    private static List<List<Entry>> Repair(List<List<Entry>> groups, Random rng)
    {
        for (var attempt = 0; attempt < 200 && groups.Count > 1; attempt++)
        {
            var stuck = groups.FindIndex(Stuck);
            if (stuck < 0)
                break;
            var other = (stuck + 1 + rng.Next(groups.Count - 1)) % groups.Count;
            var (i, j) = (rng.Next(groups[stuck].Count), rng.Next(groups[other].Count));
            var before = groups.Count(Stuck);
            (groups[stuck][i], groups[other][j]) = (groups[other][j], groups[stuck][i]);
            if (groups.Count(Stuck) > before)
                (groups[stuck][i], groups[other][j]) = (groups[other][j], groups[stuck][i]);
        }
        return groups;
    }

    private static bool Stuck(List<Entry> group) =>
        group.Any(reviewed =>
            !group.Any(e => e != reviewed && e.Reviewers.Any(r => !reviewed.Managers.Contains(r)))
            || reviewed.Reviewers.Any(r => !group.Any(e => e != reviewed && !e.Managers.Contains(r)))
        );
}
