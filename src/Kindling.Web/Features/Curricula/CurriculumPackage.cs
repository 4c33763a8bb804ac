using System.IO.Compression;
using Kindling.Web.Features.Worksheets;

namespace Kindling.Web.Features.Curricula;

/// <summary>A curriculum folder read into memory: curriculum.yml, the lesson files and the optional default
/// texts.</summary>
public sealed record CurriculumPackage(
    string Slug,
    string Title,
    string Description,
    string Attribution,
    int Version,
    string Guidelines,
    string CodeOfConduct,
    IReadOnlyList<(string File, string Source, LessonDocument Lesson)> Lessons
)
{
    public const string ManifestFile = "curriculum.yml";
    public const long MaxZipBytes = 5_000_000;
    private static readonly string[] TextFiles = ["guidelines.md", "code-of-conduct.md", "README.md", "LICENSE.md"];

    /// <summary>Reads every file and returns either the whole package or every error found; never a part.</summary>
    public static (CurriculumPackage? Package, IReadOnlyList<CurriculumError> Errors) Read(
        IReadOnlyDictionary<string, string> files
    )
    {
        var errors = new List<CurriculumError>();
        if (!files.TryGetValue(ManifestFile, out var manifest))
            return (
                null,
                [
                    new CurriculumError(
                        ManifestFile,
                        1,
                        "The folder has no curriculum.yml (title, slug, version, description, attribution)."
                    ),
                ]
            );
        var meta = ReadManifest(manifest, errors);

        var lessons = new List<(string, string, LessonDocument)>();
        var lessonFailures = 0;
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || TextFiles.Contains(name))
                continue;
            var (lesson, error) = LessonParser.Parse(name, text);
            if (error is not null)
            {
                errors.Add(error);
                lessonFailures++;
            }
            else
                lessons.Add((name, text, lesson!));
        }
        var templates = PackageTemplates.Read(
            files,
            lessons,
            checkLinks: lessonFailures == 0 && lessons.Count > 0,
            errors
        );
        if (lessons.Count == 0 && errors.Count == 0)
            errors.Add(
                new CurriculumError(ManifestFile, 1, "The folder holds no lesson files (*.md with front matter).")
            );
        foreach (var dup in lessons.GroupBy(l => l.Item3.Slug).Where(g => g.Count() > 1))
            errors.Add(
                new CurriculumError(dup.Skip(1).First().Item1, 2, $"Another file already uses the slug '{dup.Key}'.")
            );
        foreach (var dup in lessons.GroupBy(l => l.Item3.Order).Where(g => g.Count() > 1))
            errors.Add(
                new CurriculumError(dup.Skip(1).First().Item1, 2, $"Another file already uses order {dup.Key}.")
            );
        if (errors.Count > 0 || meta is null)
            return (null, errors);

        return (
            new CurriculumPackage(
                meta.Value.Slug,
                meta.Value.Title,
                meta.Value.Description,
                meta.Value.Attribution,
                meta.Value.Version,
                files.GetValueOrDefault("guidelines.md") ?? "",
                files.GetValueOrDefault("code-of-conduct.md") ?? "",
                lessons.OrderBy(l => l.Item3.Order).ToList()
            )
            {
                Templates = templates,
            },
            errors
        );
    }

    /// <summary>The assignment templates (<c>*.template.yml</c>), each linked to a lesson of the package.</summary>
    public IReadOnlyList<(string File, string Source, WorksheetTemplate Template)> Templates { get; init; } = [];

    private static (string Slug, string Title, string Description, string Attribution, int Version)? ReadManifest(
        string text,
        List<CurriculumError> errors
    )
    {
        var (map, yamlError) = YamlLoader.LoadMapping(
            ManifestFile,
            text,
            "curriculum.yml",
            "curriculum.yml must be a set of 'key: value' lines."
        );
        if (map is null)
        {
            errors.Add(yamlError!);
            return null;
        }
        var r = new YamlReader(ManifestFile, map, errors);
        var before = errors.Count;
        var title = r.Optional("title", int.MaxValue);
        if (title is null)
            r.Error(1, "'title' is required.");
        var slug = r.Optional("slug", int.MaxValue);
        if (slug is null || !Slugs.Pattern().IsMatch(slug))
            r.Error(r.LineOf("slug"), "'slug' is required: lower-case letters, digits and hyphens.");
        var versionText = r.Optional("version", int.MaxValue) ?? (r.Has("version") ? "" : "1"); // written empty: wrong
        if (!int.TryParse(versionText, out var version) || version < 1)
            r.Error(r.LineOf("version"), $"'version' must be a whole number of 1 or more, not '{versionText}'.");
        var attribution = r.Optional("attribution", int.MaxValue) ?? "";
        if (attribution.Length > 1000)
            r.Error(r.LineOf("attribution"), "'attribution' is longer than 1000 characters.");
        var description = r.Optional("description", int.MaxValue) ?? "";
        return errors.Count > before ? null : (slug!, title!, description, attribution, version);
    }

    public static IReadOnlyDictionary<string, string> FromDirectory(string dir) =>
        Directory
            .EnumerateFiles(dir)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    /// <summary>Reads a zip of one curriculum folder (files at the root or inside one top folder).</summary>
    public static (IReadOnlyDictionary<string, string>? Files, string? Error) FromZip(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            var entries = archive
                .Entries.Where(e =>
                    !string.IsNullOrEmpty(e.Name) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
                )
                .ToList();
            if (entries.Count > 200)
                return (null, "The zip holds more than 200 files; a curriculum is a small folder of lessons.");
            var folders = entries
                .Where(e =>
                    e.Name.EndsWith(".md", StringComparison.Ordinal)
                    || e.Name.EndsWith(".yml", StringComparison.Ordinal)
                )
                .Select(e => e.FullName[..^e.Name.Length])
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            if (folders.Count > 1)
                return (
                    null,
                    $"The zip holds curriculum files in more than one folder "
                        + $"({string.Join(", ", folders.Select(f => f.Length == 0 ? "the top level" : f))}); put one "
                        + $"curriculum folder in the zip."
                );
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                if (
                    !e.Name.EndsWith(".md", StringComparison.Ordinal)
                    && !e.Name.EndsWith(".yml", StringComparison.Ordinal)
                )
                    continue;
                if (e.Length > LessonParser.MaxFileBytes)
                    return (null, $"{e.FullName} is larger than {LessonParser.MaxFileBytes / 1000} KB.");
                // The header's size can lie: read no more than the limit allows.
                using var reader = new StreamReader(e.Open());
                var buffer = new char[LessonParser.MaxFileBytes + 1];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                if (read > LessonParser.MaxFileBytes)
                    return (null, $"{e.FullName} is larger than {LessonParser.MaxFileBytes / 1000} KB.");
                var text = new string(buffer, 0, read);
                if (text.Contains('\0'))
                    return (null, $"{e.FullName} is not a text file (it contains NUL characters).");
                if (!files.TryAdd(e.Name, text))
                    return (null, $"The zip holds two files named {e.Name}; put one curriculum folder in the zip.");
            }
            return (files, null);
        }
        // Streams that are not zips fail in different ways (short ones with a seek before the start or past the end).
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            return (null, "The upload is not a readable zip file.");
        }
    }
}
