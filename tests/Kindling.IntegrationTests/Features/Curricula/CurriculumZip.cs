using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>Builds curriculum zips in memory and uploads them through the import form like a browser would.</summary>
public static class CurriculumZip
{
    public static string Manifest(string slug, string title = "Test curriculum") =>
        $"title: {title}\nslug: {slug}\nversion: 2\ndescription: A curriculum made by a test.\nattribution: Written "
        + $"for the tests, CC0.\n";

    public static string Lesson(string slug, int order, string title, string body = "Some **text**.") =>
        $"""
            ---
            slug: {slug}
            order: {order}
            title: {title}
            status: ready
            activities:
              - kind: roll-call
                title: Roll call
                minutes: 5
              - kind: presentation
                title: Talk
                minutes: 20
                recordable: true
            ---
            {body}
            """;

    /// <summary>A valid curriculum of three lessons, one-, two- and three.md, in a top folder named after the
    /// slug.</summary>
    public static Dictionary<string, string> Valid(string slug) =>
        new()
        {
            ["curriculum.yml"] = Manifest(slug),
            ["one.md"] = Lesson("first-steps", 1, "First steps"),
            ["two.md"] = Lesson("second-steps", 2, "Second steps"),
            ["three.md"] = Lesson("third-steps", 3, "Third steps"),
            ["guidelines.md"] = "Listen first.",
            ["code-of-conduct.md"] = "Be kind.",
        };

    public static byte[] Build(IReadOnlyDictionary<string, string> files, string? folder = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(folder is null ? name : $"{folder}/{name}").Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        return buffer.ToArray();
    }

    public static Dictionary<string, string> Read(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    /// <summary>GETs the import page for its form token, then posts the file as multipart/form-data.</summary>
    public static async Task<PageClient.Page> UploadAsync(
        PageClient client,
        byte[] zip,
        string fileName = "curriculum.zip"
    )
    {
        var token = await client.TokenAsync("/curricula/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync("/curricula/import", form);
        return await PageClient.Page.FromAsync(response);
    }
}
