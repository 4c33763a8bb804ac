using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>A reader exports one report for escalation: Markdown with people's words escaped, and a PDF; each export
/// is written in the trail.</summary>
[Collection(AppCollection.Name)]
public class ConcernExportTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_MarkdownAndPdf_HoldTheReportAndTrail_AndAreRecorded(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var reporter = await s.ClientAsAsync("reporter");
        var what = "# Not a heading\n**not bold** <script>alert(1)</script> [link](http://evil.example)";
        var filed = await s.FileAsync(reporter, what, people: "- not a list", sessionId: s.Cohort.SessionId);
        using var facilitator = await s.ClientAsAsync("facilitator");
        var url = $"/concerns/{filed.ReportId}";
        await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["Text"] = "Talked to *both*." },
            url + "?handler=Note"
        );

        var md = await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["format"] = "md" },
            url + "?handler=Export"
        );
        Assert.Equal(HttpStatusCode.OK, md.Status);
        Assert.Equal("text/markdown", md.ContentType);
        Assert.Contains("\\# Not a heading", md.Text, StringComparison.Ordinal);
        Assert.Contains("\\*\\*not bold\\*\\*", md.Text, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", md.Text, StringComparison.Ordinal);
        Assert.Contains("\\- not a list", md.Text, StringComparison.Ordinal);
        Assert.Contains("Talked to \\*both\\*.", md.Text, StringComparison.Ordinal);
        Assert.Contains(s.Users["reporter"].DisplayName, md.Text, StringComparison.Ordinal);
        Assert.Contains("Added a note for the readers", md.Text, StringComparison.Ordinal);
        Assert.Contains("Exported the report (Markdown)", md.Text, StringComparison.Ordinal);
        Assert.Contains("community", md.Text, StringComparison.OrdinalIgnoreCase); // the session's lesson title

        var pdf = await facilitator.Http.PostAsync(
            url + "?handler=Export",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["format"] = "pdf",
                    ["__RequestVerificationToken"] = await facilitator.TokenAsync(url),
                }
            )
        );
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".pdf", pdf.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        var events = await s.EventsAsync(filed.ReportId);
        Assert.Equal(
            [ConcernEventKind.Filed, ConcernEventKind.Note, ConcernEventKind.Exported, ConcernEventKind.Exported],
            events.Select(e => e.Kind)
        );
        Assert.Equal(["Markdown", "PDF"], events.Where(e => e.Kind == ConcernEventKind.Exported).Select(e => e.Text));
        Assert.All(events.Skip(1), e => Assert.Equal(s.Users["facilitator"].Id, e.ActorId));
    }
}
