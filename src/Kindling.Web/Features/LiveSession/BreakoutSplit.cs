namespace Kindling.Web.Features.LiveSession;

/// <summary>How participants are dealt into breakout groups.</summary>
public static class BreakoutSplit
{
    public sealed record Person(string UserId, string? Value);

    /// <summary>The profile fields a facilitator may balance groups by, as the contract names them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["organisation", "title", "timezone", "pronouns"];

    /// <summary>Random: shuffle, then deal round-robin so sizes differ by at most one.</summary>
    public static List<List<string>> Random(IReadOnlyList<string> people, int groups, System.Random rng)
    {
        var shuffled = people.ToArray();
        rng.Shuffle(shuffled);
        return Deal(shuffled, groups);
    }

    /// <summary>
    /// Balanced: people who share a value (same organisation, same time zone, ...) are dealt one after another, so
    /// consecutive turns put them in different groups; dealing round-robin keeps sizes within one of each other.
    /// Larger clusters go first so they are the ones spread widest.
    /// </summary>
    public static List<List<string>> Balanced(IReadOnlyList<Person> people, int groups, System.Random rng)
    {
        var order = people
            .GroupBy(p => Normalise(p.Value))
            .Select(g =>
            {
                var members = g.ToArray();
                rng.Shuffle(members);
                return members;
            })
            .OrderByDescending(g => g.Length)
            .ThenBy(_ => rng.Next())
            .SelectMany(g => g.Select(p => p.UserId))
            .ToList();
        return Deal(order, groups);
    }

    private static List<List<string>> Deal(IReadOnlyList<string> people, int groups)
    {
        var result = Enumerable.Range(0, groups).Select(_ => new List<string>()).ToList();
        for (var i = 0; i < people.Count; i++)
            result[i % groups].Add(people[i]);
        return result;
    }

    private static string Normalise(string? value) => (value ?? "").Trim().ToLowerInvariant();
}
