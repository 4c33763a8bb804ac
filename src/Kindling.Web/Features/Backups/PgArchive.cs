using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>Reads a <c>pg_dump --format=custom</c> archive with <c>pg_restore</c> alone (no database needed): its
/// table of contents proves it whole, and its migrations history and key tables are read from the data it
/// holds.</summary>
internal static class PgArchive
{
    public static async Task<BackupSummary> CheckAsync(string file, NpgsqlConnectionStringBuilder cs, string what)
    {
        var list = await PgTools.RunAsync("pg_restore", cs, ["--list", file]);
        if (list.Code != 0)
            throw new BackupFailed($"{what} is not a readable pg_dump archive (custom format): {list.Errors}");
        var entries = list.Output.Split('\n');
        if (!entries.Any(e => e.Contains($"TABLE DATA public {BackupSummary.HistoryTable} ", StringComparison.Ordinal)))
            throw new BackupFailed($"{what} is not a Kindling database: it has no migrations history.");
        var tables = entries.Count(e => e.Contains(" TABLE public ", StringComparison.Ordinal));

        var wanted = BackupSummary.KeyTables.Select(t => t.Table).Prepend(BackupSummary.HistoryTable);
        var reader = new CopyReader();
        var data = await PgTools.RunAsync(
            "pg_restore",
            cs,
            ["--data-only", "--file=-", .. wanted.Select(t => $"--table={t}"), file],
            reader.Read
        );
        if (data.Code != 0)
            throw new BackupFailed($"{what} cannot be read: {data.Errors}");
        var counts = BackupSummary
            .KeyTables.Where(t => reader.Rows.ContainsKey(t.Table))
            .Select(t => (t.Label, reader.Rows[t.Table]))
            .ToList();
        return new BackupSummary(
            new FileInfo(file).Length,
            tables,
            reader.Migrations.Order(StringComparer.Ordinal).ToList(),
            counts
        );
    }

    /// <summary>Counts the rows of each <c>COPY public."Table" (…) FROM stdin;</c> block of a SQL script and keeps
    /// the migration ids. In COPY's text format a row is one line (a newline inside a value is written \n).</summary>
    private sealed class CopyReader
    {
        private string? _table;
        public Dictionary<string, long> Rows { get; } = [];
        public List<string> Migrations { get; } = [];

        public void Read(string line)
        {
            if (_table is null)
            {
                if (
                    !line.StartsWith("COPY ", StringComparison.Ordinal)
                    || !line.EndsWith(" FROM stdin;", StringComparison.Ordinal)
                )
                    return;
                _table = line[5..line.IndexOf(" (", StringComparison.Ordinal)].Split('.')[^1].Trim('"');
                Rows[_table] = 0;
            }
            else if (line == "\\.")
                _table = null;
            else
            {
                Rows[_table]++;
                if (_table == BackupSummary.HistoryTable)
                    Migrations.Add(line.Split('\t')[0]);
            }
        }
    }
}
