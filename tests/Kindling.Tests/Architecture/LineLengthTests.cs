namespace Kindling.Tests.Architecture;

/// <summary>Lines of the app's own code (C#, Razor, JavaScript under src/) stay within 120 characters
/// (.editorconfig).</summary>
public class LineLengthTests
{
    public const int Max = 120;

    [Fact]
    public void No_line_of_the_apps_code_is_longer_than_120_characters()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var files = Directory
            .EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f =>
                f.EndsWith(".cs", StringComparison.Ordinal)
                || f.EndsWith(".cshtml", StringComparison.Ordinal)
                || f.EndsWith(".js", StringComparison.Ordinal)
            )
            .Where(f => !IsExcluded(Path.GetRelativePath(src, f).Replace('\\', '/')))
            .ToList();
        Assert.True(files.Count > 150, $"Only {files.Count} files were read under {src}.");
        var tooLong = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Length > Max)
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1} ({x.line.Length})")
            .ToList();
        Assert.True(
            tooLong.Count == 0,
            $"{tooLong.Count} lines are longer than {Max} characters:\n" + string.Join("\n", tooLong.Take(50))
        );
    }

    /// <summary>Generated code (migrations, compiled models, build output) and third-party files are not ours to wrap.</summary>
    private static bool IsExcluded(string path) =>
        path.Contains("/bin/")
        || path.Contains("/obj/")
        || path.Contains("/Migrations/")
        || path.Contains("/CompiledModel/")
        || path.Contains("/wwwroot/lib/");
}
