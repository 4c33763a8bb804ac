namespace Kindling.Web.Features.Backups;

internal static class BackupFiles
{
    /// <summary>A fresh name in the destination's folder (so the final rename stays on one file system), after
    /// refusing to replace an existing file without --force.</summary>
    public static string TempBeside(string destination, bool force)
    {
        if (Directory.Exists(destination))
            throw new BackupFailed($"{destination} is a folder: give the name of the backup file to write.");
        if (File.Exists(destination) && !force)
            throw new BackupFailed(
                $"{destination} already exists: choose another name, or add --force to replace it. Nothing was "
                    + "written."
            );
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder))
            throw new BackupFailed($"The folder {folder} does not exist: create it first.");
        return Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
    }

    /// <summary>Removes a temporary file and what SQLite may have left beside it.</summary>
    public static void Remove(string file)
    {
        foreach (var f in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
            File.Delete(f);
    }
}
