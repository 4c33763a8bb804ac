using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using T = Kindling.IntegrationTests.Features.PersonalData.PersonalTraces;

namespace Kindling.IntegrationTests.Features.PersonalData;

/// <summary>"Download your data": one zip with what is the person's, and nothing that is someone else's.</summary>
[Collection(AppCollection.Name)]
public class DataDownloadTests(Apps apps)
{
    private const string Page = "/account/data";

    public static async Task<Dictionary<string, string>> DownloadAsync(PageClient client)
    {
        var token = await client.TokenAsync(Page);
        var response = await client.Http.PostAsync(
            Page + "?handler=Download",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("kindling-data-", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(
            e => e.FullName,
            e =>
            {
                using var reader = new StreamReader(e.Open(), Encoding.UTF8);
                return reader.ReadToEnd();
            }
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Download_HoldsTheirOwnRecords_NotOthersNorTheirAnonymousReport(string provider)
    {
        var t = await T.CreateAsync(await apps.GetAsync(provider));
        using var client = await t.S.ClientAsAsync("reporter");
        var page = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=Download'] button"));

        var files = await DownloadAsync(client);
        Assert.Contains("README.md", files.Keys);
        foreach (var name in files.Keys.Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var _ = JsonDocument.Parse(files[name]); // every file is JSON
            Assert.Contains($"`{name}`", files["README.md"]); // and the README explains it
        }
        using var profile = JsonDocument.Parse(files["profile.json"]);
        Assert.Equal(t.Me.Email, profile.RootElement.GetProperty("email").GetString());
        Assert.Equal(t.Me.DisplayName, profile.RootElement.GetProperty("displayName").GetString());
        var everything = string.Join("\n", files.Values);
        var stored = await t.DbAsync(db =>
            db.Users.Where(u => u.Id == t.Me.Id).Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync()
        );
        Assert.DoesNotContain(stored.PasswordHash!, everything);
        Assert.DoesNotContain(stored.SecurityStamp!, everything);
        Assert.DoesNotContain("passwordHash", everything, StringComparison.OrdinalIgnoreCase);

        // Theirs: named and anonymous answers, the question and the vote, feedback, the named report, the token.
        Assert.Contains(T.Named, files["live-responses.json"]);
        Assert.Contains(T.Anonymous, files["live-responses.json"]);
        Assert.Contains(T.Question, files["questions.json"]);
        Assert.Contains(T.OthersQuestion, files["questions.json"]); // the question they voted for
        Assert.Contains(T.Feedback, files["session-feedback.json"]);
        Assert.Contains(T.NamedConcern, files["concern-reports.json"]);
        Assert.Contains("You raised the concern", files["concern-reports.json"]);
        Assert.Contains(T.ProjectName, files["projects-and-worksheets.json"]);
        Assert.Contains(T.TokenName, files["api-tokens.json"]);
        Assert.Contains("DailyDigest", files["messages.json"]);
        var cohort = await t.DbAsync(db => db.Cohorts.Where(c => c.Id == t.CohortId).Select(c => c.Name).SingleAsync());
        Assert.Contains(cohort, files["cohorts.json"]);

        // Not theirs: others' answers and feedback, the anonymous report, a token's hash.
        Assert.DoesNotContain(T.OthersAnswer, everything);
        Assert.DoesNotContain(T.OthersFeedback, everything);
        Assert.DoesNotContain(T.AnonymousConcern, everything);
        Assert.DoesNotContain(t.TokenHash, everything);
        Assert.DoesNotContain(t.S.Users["participant"].DisplayName, everything);
    }
}
