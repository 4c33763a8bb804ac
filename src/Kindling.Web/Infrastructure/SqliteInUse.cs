using Microsoft.Data.Sqlite;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// A marker file beside a SQLite database (<c>kindling.db.in-use</c>). Every running Kindling holds a shared lock on
/// it and a restore holds it exclusively, so a restore refuses to replace the file while Kindling runs on it, and
/// Kindling refuses to start while a restore is under way. The lock is the operating system's (<c>flock</c> on
/// Linux, through <see cref="FileShare"/>): it goes with the process, even one killed with <c>kill -9</c>. An idle
/// Kindling may have no connection open to the database at a given moment, so SQLite's own locks cannot tell.
/// </summary>
public sealed class SqliteInUse : IDisposable
{
    public const string Suffix = ".in-use";
    private readonly FileStream _lock;

    private SqliteInUse(FileStream held) => _lock = held;

    /// <summary>The database file a connection string names, as a full path; null for an in-memory database.</summary>
    public static string? FileOf(string connectionString)
    {
        var cs = new SqliteConnectionStringBuilder(connectionString);
        return cs.Mode == SqliteOpenMode.Memory || cs.DataSource is "" or ":memory:"
            ? null
            : Path.GetFullPath(cs.DataSource);
    }

    /// <summary>Takes the shared lock for a running Kindling; null for an in-memory database.</summary>
    /// <exception cref="InvalidOperationException">A restore holds the database.</exception>
    public static SqliteInUse? HoldWhileRunning(string connectionString)
    {
        if (FileOf(connectionString) is not { } file)
            return null;
        return TryTake(file, FileShare.ReadWrite)
            ?? throw new InvalidOperationException(
                $"{file} is being restored (a restore holds {file}{Suffix}). Start Kindling when it has finished."
            );
    }

    /// <summary>Takes the exclusive lock for a restore; null while a Kindling runs on the database.</summary>
    public static SqliteInUse? TryTakeExclusive(string databaseFile) => TryTake(databaseFile, FileShare.None);

    private static SqliteInUse? TryTake(string databaseFile, FileShare share)
    {
        try
        {
            // Opened for reading only: a marker created by another account (say, a restore run as root) still works.
            return new(new FileStream(databaseFile + Suffix, FileMode.OpenOrCreate, FileAccess.Read, share));
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            return null; // held by another process (a sharing violation); a missing folder throws its own type
        }
    }

    public void Dispose() => _lock.Dispose();
}
