using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Kindling.Web.Infrastructure.Reads;

/// <summary>
/// The tables a SQL command reads and writes, from its text as EF Core writes it for SQLite and PostgreSQL (quoted
/// names). A command that changes the schema, or writes in a form not recognised here, counts as writing everything,
/// so a mistake here costs a cache miss, never a stale page.
/// </summary>
public static partial class SqlTables
{
    public sealed record Use(string[] Reads, string[] Writes, bool WritesEverything);

    private static readonly ConcurrentDictionary<string, Use> Seen = new(StringComparer.Ordinal);

    /// <summary>A command's use of tables; the texts are few and repeat (EF Core generates them), so each is read
    /// once.</summary>
    public static Use Of(string sql)
    {
        if (Seen.TryGetValue(sql, out var use))
            return use;
        use = Read(sql);
        if (Seen.Count > 10_000)
            Seen.Clear();
        Seen[sql] = use;
        return use;
    }

    private static Use Read(string sql)
    {
        var reads = Names(ReadTable().Matches(sql));
        var writes = Names(WriteTable().Matches(sql));
        // Keywords only count outside quoted names (a column may be called "Copy").
        var bare = Quoted().Replace(sql, "");
        var everything = SchemaChange().IsMatch(bare) || (writes.Length == 0 && UnknownWrite().IsMatch(bare));
        return new(reads, writes, everything);
    }

    private static string[] Names(MatchCollection matches) =>
        matches.Select(m => m.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+(?:""\w+""\.)?""(?<name>\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReadTable();

    [GeneratedRegex(
        @"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?)"
            + @"\s+(?:""?\w+""?\.)?""?(?<name>\w+)",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex WriteTable();

    [GeneratedRegex(
        @"\b(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|UNIQUE|VIEW|TRIGGER|SEQUENCE|SCHEMA)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex SchemaChange();

    [GeneratedRegex(@"\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|REPLACE|COPY)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownWrite();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex Quoted();
}
