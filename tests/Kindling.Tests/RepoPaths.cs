namespace Kindling.Tests;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Foundations => Path.Combine(Root, "curriculum", "foundations");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kindling.slnx")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("Could not find the repository root (Kindling.slnx).");
    }
}
