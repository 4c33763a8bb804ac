using Microsoft.Data.Sqlite;

namespace Kindling.Web.Features.Backups;

/// <summary>SQLite files as the backup commands handle them: opened without pooling (so a file is closed, and its
/// write-ahead log folded back, the moment the command is done with it), checked and summarised.</summary>
internal static class SqliteFiles
{
    public static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = mode,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString()
        );
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> and reads the summary; refuses a file that is not a SQLite
    /// database, fails the check, or is not Kindling's.</summary>
    /// <param name="what">How to name the file in a refusal, e.g. "The backup /x/y.db".</param>
    /// <param name="foldLog">First fold a write-ahead log beside the file into it, leaving one self-contained file
    /// (the file is then written to: only for a copy).</param>
    public static BackupSummary Check(string file, string what, bool foldLog = false)
    {
        try
        {
            if (foldLog)
                using (var copy = Open(file, SqliteOpenMode.ReadWrite))
                    Execute(copy, "PRAGMA journal_mode=DELETE");
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            var problems = Strings(connection, "PRAGMA integrity_check");
            if (problems is not ["ok"])
                throw new BackupFailed($"{what} fails SQLite's integrity check: {string.Join("; ", problems.Take(5))}");
            var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
            if (!tables.Contains(BackupSummary.HistoryTable))
                throw new BackupFailed($"{what} is not a Kindling database: it has no migrations history.");
            var migrations = Strings(
                connection,
                $"SELECT MigrationId FROM \"{BackupSummary.HistoryTable}\" ORDER BY MigrationId"
            );
            var rows = BackupSummary
                .KeyTables.Where(t => tables.Contains(t.Table))
                .Select(t => (t.Label, Count(connection, t.Table)))
                .ToList();
            var own = tables.Count(t => !t.StartsWith("sqlite_", StringComparison.Ordinal));
            return new BackupSummary(new FileInfo(file).Length, own, migrations, rows);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11) // SQLITE_NOTADB, SQLITE_CORRUPT
        {
            throw new BackupFailed($"{what} is not a readable SQLite database: {e.Message}");
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
            found.Add(reader.GetString(0));
        return found;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }
}
