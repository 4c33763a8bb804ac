using System.IO.Compression;
using System.Text;
using Kindling.Domain;
using YamlDotNet.Serialization;

namespace Kindling.Web.Features.Curricula;

/// <summary>Writes a stored curriculum back out as the folder it was imported from, so export and import
/// round-trip.</summary>
public static class CurriculumExport
{
    private static readonly ISerializer Yaml = new SerializerBuilder().Build();

    /// <summary>curriculum.yml rebuilt from the stored fields, in the order people write it.</summary>
    public static string Manifest(Curriculum c) =>
        Yaml.Serialize(
            new Dictionary<string, object>
            {
                ["title"] = c.Title,
                ["slug"] = c.Slug,
                ["version"] = c.Version,
                ["description"] = c.Description,
                ["attribution"] = c.Attribution,
            }
        );

    /// <summary>A zip with one top folder named after the slug: curriculum.yml, each lesson file, each assignment
    /// template and the default texts.</summary>
    public static byte[] ToZip(Curriculum c, IEnumerable<AssignmentTemplate>? templates = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, c.Slug, CurriculumPackage.ManifestFile, Manifest(c));
            foreach (var lesson in c.Lessons.OrderBy(l => l.Order))
                Add(zip, c.Slug, lesson.FileName, lesson.Source);
            foreach (var template in (templates ?? []).OrderBy(t => t.FileName, StringComparer.Ordinal))
                Add(zip, c.Slug, template.FileName, template.Source);
            Add(zip, c.Slug, "guidelines.md", c.GuidelinesMarkdown);
            Add(zip, c.Slug, "code-of-conduct.md", c.CodeOfConductMarkdown);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string folder, string name, string text)
    {
        var entry = zip.CreateEntry($"{folder}/{name}", CompressionLevel.Optimal);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        stream.Write(bytes);
    }
}
