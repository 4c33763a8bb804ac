using System.Net;
using System.Net.Http.Headers;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.LiveSession;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// A long session's room renders quickly: the page carries the first responses under each prompt and says how many
/// there are; "show all" renders one prompt in full without JavaScript (the hub brings the rest to a browser with
/// it). The page travels compressed.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class RoomFirstViewTests(Apps apps)
{
    private static string RoomUrl(CohortScenario s) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/live";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LongPrompt_ShowsTheFirstResponses_AndShowAllRendersEveryOne(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        var total = RoomModel.FirstResponses + 5;
        Guid prompt;
        await using (var par = await LiveClients.JoinAsync(s, "participant"))
        {
            prompt = par.Snapshot!.Sections.First(x => !x.Silent && x.Kind != "roll-call").Id;
            for (var i = 1; i <= total; i++)
            {
                s.App.Clock.Advance(TimeSpan.FromSeconds(1)); // one after the other, as people write
                Assert.True((await par.AddResponseAsync(prompt, $"Idea number {i:D2}")).Ok);
            }
        }
        await using (var fac = await LiveClients.JoinAsync(s, "facilitator"))
        {
            var last = fac.Snapshot!.Responses.Single(r => r.Text == $"Idea number {total:D2}");
            Assert.True((await fac.ModerateAsync(last.Id, pinned: true)).Ok); // pinned ones come first, so it is shown
            var hidden = fac.Snapshot.Responses.Single(r => r.Text == "Idea number 02");
            Assert.True((await fac.ModerateAsync(hidden.Id, hidden: true)).Ok);
        }

        using var observer = await s.ClientAsAsync("observer");
        var page = await observer.GetAsync(RoomUrl(s));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var texts = page
            .Document.QuerySelectorAll($"#section-{prompt} li.response p.text")
            .Select(p => p.TextContent)
            .ToList();
        Assert.Equal(RoomModel.FirstResponses, texts.Count);
        Assert.Equal($"Idea number {total:D2}", texts[0]);
        Assert.Equal("Idea number 01", texts[1]);
        Assert.DoesNotContain("Idea number 02", texts); // hidden from others: neither shown nor counted
        var more = page.Document.QuerySelector($"#section-{prompt} .more-responses a")!;
        Assert.Contains($"Show all {total - 1} responses", more.TextContent.ReplaceLineEndings(" "));
        Assert.Equal($"?all={prompt}#section-{prompt}", more.GetAttribute("href"));

        var all = await observer.GetAsync(RoomUrl(s) + $"?all={prompt}");
        var allTexts = all
            .Document.QuerySelectorAll($"#section-{prompt} li.response p.text")
            .Select(p => p.TextContent)
            .ToList();
        Assert.Equal(total - 1, allTexts.Count);
        Assert.Contains($"Idea number {total - 1:D2}", allTexts);
        Assert.Null(all.Document.QuerySelector($"#section-{prompt} .more-responses"));

        // The facilitator may see the hidden one, so it counts for them.
        using var facilitator = await s.ClientAsAsync("facilitator");
        var facPage = await facilitator.GetAsync(RoomUrl(s));
        Assert.Contains(
            $"Show all {total} responses",
            facPage.Document.QuerySelector($"#section-{prompt} .more-responses a")!.TextContent.ReplaceLineEndings(" ")
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomPage_IsCompressedForBrowsersThatAskForIt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        using var participant = await s.ClientAsAsync("participant");
        var plain = await participant.GetAsync(RoomUrl(s));
        using var request = new HttpRequestMessage(HttpMethod.Get, RoomUrl(s));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await participant.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var unzip = new System.IO.Compression.BrotliStream(
            new MemoryStream(compressed),
            System.IO.Compression.CompressionMode.Decompress
        );
        using var reader = new StreamReader(unzip);
        var html = await reader.ReadToEndAsync();
        Assert.Contains("id=\"room-doc\"", html, StringComparison.Ordinal);
        Assert.True(compressed.Length * 3 < plain.Text.Length, $"{compressed.Length} bytes for {plain.Text.Length}");
    }
}
