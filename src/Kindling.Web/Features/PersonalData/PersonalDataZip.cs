using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kindling.Web.Features.PersonalData;

/// <summary>The "download your data" zip: a README and one JSON file per kind of record.</summary>
public sealed class PersonalDataZip(PersonalRecords records, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file to read, never a page: letters of every language as they are, not \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> BuildAsync(string userId, string instance)
    {
        var now = clock.GetUtcNow();
        var files = new Dictionary<string, object>
        {
            ["profile.json"] = await records.ProfileAsync(userId),
            ["cohorts.json"] = await records.CohortsAsync(userId),
            ["live-responses.json"] = await records.ResponsesAsync(userId),
            ["questions.json"] = await records.QuestionsAsync(userId),
            ["session-feedback.json"] = await records.FeedbackAsync(userId),
            ["projects-and-worksheets.json"] = await records.ProjectsAsync(userId),
            ["worksheet-comments.json"] = await records.CommentsAsync(userId),
            ["peer-feedback.json"] = await records.PeerFeedbackAsync(userId),
            ["attendance.json"] = await records.AttendanceAsync(userId),
            ["messages.json"] = await records.MessagesAsync(userId),
            ["concern-reports.json"] = await records.ConcernsAsync(userId),
            ["api-tokens.json"] = await records.TokensAsync(userId),
        };
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.md", Encoding.UTF8.GetBytes(PersonalDataReadme.Text(instance, now.UtcDateTime)), now);
            foreach (var (name, _) in PersonalDataReadme.Files)
                Add(zip, name, JsonSerializer.SerializeToUtf8Bytes(files[name], Json), now);
        }
        return bytes.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
