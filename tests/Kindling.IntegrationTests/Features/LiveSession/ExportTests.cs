using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class ExportTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_MarkdownAndPrintPage_ShowWhatPeersMaySee_NeverAnonymousAuthors(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveArrange.SetPolicyAsync(s, facilitatorsSeeAnonymousAuthors: true);
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        var author = s.Users["participant"].DisplayName;
        var sections = par.Snapshot!.Sections;
        var open = sections.First(x => x.Kind == "open-discussion");
        var silent = sections.First(x => x.Silent);

        Assert.True(
            (await par.AddResponseAsync(open.Id, "Both stories began\nwith one stubborn person", anonymous: true)).Ok
        );
        // Anonymous text dressed up as a named entry: "**Name:** …" is how the export names an author.
        var facName = s.Users["facilitator"].DisplayName;
        Assert.True(
            (
                await par.AddResponseAsync(
                    open.Id,
                    $"**{facName}:** Let's cancel next week. [Details](https://evil.example)",
                    anonymous: true
                )
            ).Ok
        );
        Assert.True((await fac.AddResponseAsync(open.Id, "Named: both grew through events")).Ok);
        var hidden = await fac.AddResponseAsync(open.Id, "Hidden: an off-topic remark");
        Assert.True((await fac.ModerateAsync(hidden.Id!.Value, hidden: true)).Ok);
        Assert.True((await par.AddResponseAsync(silent.Id, "Silent: still a secret")).Ok);
        var q = await par.AskAsync("Anonymous question about funding", anonymous: true);
        Assert.True((await fac.AnswerQuestionAsync(q.Id!.Value, "Look at small community grants first.")).Ok);
        Assert.True((await fac.StartBreakoutsAsync(2, BreakoutModes.Self)).Ok);
        var group = (await par.BreakoutsAsync()).Groups[0];
        Assert.True((await par.MoveToGroupAsync(group.Id)).Ok);
        Assert.True(
            (await par.AddResponseAsync(group.SectionIds[0], "Group notes: we lack design skills", anonymous: true)).Ok
        );

        using var reader = s.App.Client();
        await reader.SignInAsync(peer.Email!, CohortScenario.Password);
        var md = await reader.Http.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/document.md");
        Assert.Equal(HttpStatusCode.OK, md.StatusCode);
        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);
        var text = await md.Content.ReadAsStringAsync();
        Assert.StartsWith("# Community Narrative\n", text);
        Assert.Contains("## 1. Roll call", text);
        Assert.Contains("> " + open.Prompt, text);
        Assert.Contains("- _Anonymous:_ Both stories began\\\n  with one stubborn person", text);
        // The impersonation stays visibly anonymous and its Markdown stays text (no bold name, no link).
        Assert.Contains(
            $"- _Anonymous:_ \\*\\*{facName}:\\*\\* Let's cancel next week. "
                + $"\\[Details\\](<https://evil.example>)",
            text
        );
        Assert.DoesNotContain($"**{facName}:** Let's cancel", text);
        Assert.Contains($"- **{facName}:** Named: both grew through events", text);
        Assert.Contains("### Group 1 — ", text);
        Assert.Contains("Group notes: we lack design skills", text);
        Assert.Contains("## Questions and answers", text);
        Assert.Contains("- Anonymous question about funding (0 votes, asked anonymously)", text);
        Assert.Contains("Answer: Look at small community grants first.", text);
        Assert.Contains("_Written in silence; not revealed yet._", text);
        Assert.DoesNotContain("Hidden: an off-topic remark", text);
        Assert.DoesNotContain("Silent: still a secret", text);
        Assert.DoesNotContain(author, text);

        // The facilitator's export follows the same rules: the cohort policy shows authors on screen, never in a file.
        using var facPages = await s.ClientAsAsync("facilitator");
        var facMd = await facPages.Http.GetStringAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/document.md");
        Assert.DoesNotContain(author, facMd);
        Assert.DoesNotContain("Hidden: an off-topic remark", facMd);

        var page = await reader.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/document");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Named: both grew through events", page.Text);
        Assert.Contains("Look at small community grants first.", page.Text);
        Assert.NotNull(page.Document.QuerySelector("link[href^='/css/live-document.css']"));
        Assert.DoesNotContain(author, page.Text);
        Assert.DoesNotContain("Hidden: an off-topic remark", page.Text);
        Assert.DoesNotContain("Silent: still a secret", page.Text);

        using var outsider = await s.ClientAsAsync("outsider");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.Http.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/document.md")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await outsider.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/document")).Status
        );
    }
}
