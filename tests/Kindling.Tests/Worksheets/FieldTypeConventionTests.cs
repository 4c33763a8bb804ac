using System.Reflection;
using System.Text.RegularExpressions;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Tests.Worksheets;

/// <summary>
/// A field type is named only in its own folder and in the registry: everything else reaches it through
/// <see cref="FieldTypes.Of(string)"/>, so a new type is one folder and one line, and no switch over type names grows
/// anywhere else.
/// </summary>
public class FieldTypeConventionTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "src", "Kindling.Web");
    private const string Registry = "Features/Worksheets/Fields/FieldTypes.cs";

    /// <summary>The same words with another meaning, in C# (file, word): not field types.</summary>
    private static readonly HashSet<(string, string)> OtherMeanings =
    [
        ("Features/Worksheets/TemplateModel.cs", "values"), // charter section names
        ("Features/Worksheets/TemplateModel.cs", "roadmap"),
        ("Features/Worksheets/TemplateModel.cs", "success"),
        ("Features/Worksheets/Fields/CharterBlocks.cs", "list"), // JSON kinds of charter blocks
        ("Features/Worksheets/Fields/CharterBlocks.cs", "table"),
        ("Features/Frameworks/SvgWriter.cs", "text"), // the SVG element
        ("Features/LiveSession/LiveViews.cs", "text"), // a response's JSON property
        ("Features/Api/SessionApi.cs", "text"), // the JSON member of a new response or question
        ("Infrastructure/PasswordStrength.cs", "date"), // a password pattern
        ("Features/Backups/SqliteFiles.cs", "table"), // a row kind of SQLite's schema (sqlite_master)
    ];

    [Fact]
    public void FieldTypeNames_AreUsedOnlyInTheirOwnFolderAndTheRegistry()
    {
        var misplaced = SourceFiles()
            .SelectMany(file =>
                FieldTypes.Types.Where(t => !IsHome(t, file.Path)).SelectMany(t => UsesOf(t, file.Path, file.Lines))
            )
            .ToList();

        Assert.True(
            misplaced.Count == 0,
            "Name a field type only in its folder and in FieldTypes.cs; elsewhere use FieldTypes.Of(field):\n"
                + string.Join("\n", misplaced)
        );
    }

    [Fact]
    public void TheScan_FindsEachTypesOwnUses()
    {
        // Guards the scan itself: each type names itself in its folder, so a scan finding nothing there is broken.
        var files = SourceFiles().ToList();
        Assert.Contains(files, f => f.Path == Registry);
        Assert.All(
            FieldTypes.Types,
            t =>
                Assert.True(
                    files
                        .Where(f => IsHome(t, f.Path) && f.Path != Registry)
                        .Any(f => UsesOf(t, f.Path, f.Lines).Any()),
                    $"No use of {t.Name} found in {t.Folder}"
                )
        );
    }

    private static bool IsHome(FieldType type, string path) =>
        path == Registry || path.StartsWith(type.Folder.TrimStart('/') + "/", StringComparison.Ordinal);

    /// <summary>Uses of the type's constant, its class, or its name as a string (in C#; in views and scripts only
    /// when the name cannot be an ordinary word, as <c>type="text"</c> is HTML there).</summary>
    private static IEnumerable<string> UsesOf(FieldType type, string path, string[] lines)
    {
        var constant = typeof(FieldTypes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Single(f => f.IsLiteral && (string?)f.GetRawConstantValue() == type.Name)
            .Name;
        var patterns = new List<string> { $@"\bFieldTypes\.{constant}\b", $@"\b{type.GetType().Name}\b" };
        var literalCounts = path.EndsWith(".cs", StringComparison.Ordinal) || type.Name.Contains('-');
        if (literalCounts && !OtherMeanings.Contains((path, type.Name)))
            patterns.Add($"(?<!name=)[\"']{Regex.Escape(type.Name)}[\"']"); // not an XML doc's paramref name="…"
        var any = new Regex(string.Join("|", patterns));
        return lines
            .Select((line, i) => (line, i))
            .Where(x => any.IsMatch(x.line))
            .Select(x => $"{path}:{x.i + 1}: {x.line.Trim()}");
    }

    private static IEnumerable<(string Path, string[] Lines)> SourceFiles() =>
        new[] { "*.cs", "*.cshtml", "*.js" }
            .SelectMany(p => Directory.EnumerateFiles(Web, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Web, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal))
            .Where(p => !p.StartsWith("obj/", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllLines(Path.Combine(Web, p))));
}
