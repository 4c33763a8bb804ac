using System.Globalization;

namespace Kindling.Web.Features.Backups;

/// <summary>What a backup holds: its size, tables, applied migrations (oldest first) and rows of a few key tables.
/// Read from the backup itself, never from the live database, so it describes what a restore would bring
/// back.</summary>
internal sealed record BackupSummary(
    long Bytes,
    int Tables,
    IReadOnlyList<string> Migrations,
    IReadOnlyList<(string Label, long Rows)> Rows
)
{
    /// <summary>The tables counted in the report, with the words for their rows.</summary>
    public static readonly (string Table, string Label)[] KeyTables =
    [
        ("AspNetUsers", "people"),
        ("Cohorts", "cohorts"),
        ("Sessions", "sessions"),
        ("LiveResponses", "live responses"),
    ];

    public const string HistoryTable = "__EFMigrationsHistory";

    public string? LastMigration => Migrations.Count == 0 ? null : Migrations[^1];

    /// <summary>Migrations in the backup that this build does not know: it was taken by a newer Kindling.</summary>
    public IReadOnlyList<string> UnknownTo(IReadOnlyList<string> build) => Migrations.Except(build).ToList();

    /// <summary>A restore refuses a backup taken by a newer Kindling: this build could not run on it.</summary>
    public void RefuseIfNewer(IReadOnlyList<string> build, string backup)
    {
        var unknown = UnknownTo(build);
        if (unknown.Count > 0)
            throw new BackupFailed(
                $"The backup {backup} was taken by a newer Kindling: it has migrations this build does not know "
                    + $"({string.Join(", ", unknown)}). Restore it with that version or a newer one. Nothing was "
                    + "changed."
            );
    }

    /// <summary>Migrations this build would apply when it starts on the restored database.</summary>
    public IReadOnlyList<string> PendingFor(IReadOnlyList<string> build) => build.Except(Migrations).ToList();

    public void WriteTo(TextWriter output, IReadOnlyList<string> build)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"  size: {Size(Bytes)}, {Tables} tables");
        output.WriteLine($"  rows: {string.Join(", ", Rows.Select(r => string.Create(c, $"{r.Rows:N0} {r.Label}")))}");
        var pending = PendingFor(build).Count;
        var unknown = UnknownTo(build);
        var state =
            unknown.Count > 0 ? $"newer than this build, which does not know {string.Join(", ", unknown)}"
            : pending == 0 ? "the newest this build knows"
            : $"{pending} behind this build, which applies them when it starts";
        output.WriteLine($"  last migration: {LastMigration ?? "none"} ({state})");
    }

    private static string Size(long bytes) =>
        bytes switch
        {
            < 1024 => $"{bytes} bytes",
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        };
}
