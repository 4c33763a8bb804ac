using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Worksheets.WorksheetEditorScenario;

namespace Kindling.IntegrationTests.Features.Worksheets;

[Collection(SecondAppCollection.Name)]
public class VersionsTests(Apps apps)
{
    private static async Task SaveVisionAsync(WorksheetEditorScenario s, PageClient client, string vision)
    {
        var page = await client.GetAsync(s.Url);
        var form = FormOf(page);
        Set(form, "f.vision", vision);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, s.Url, form, TokenOf(page))).Status);
    }

    private static async Task<PageClient.Page> PostVersionsAsync(
        WorksheetEditorScenario s,
        PageClient client,
        string handler,
        Dictionary<string, string> fields
    )
    {
        var url = s.Url + "/versions";
        return await client.PostFormAsync(url, fields, $"{url}?handler={handler}");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_OldVersion_AddsANewVersionWithItsDataAndDeletesNothing(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        await SaveVisionAsync(s, owner, "First draft");
        await SaveVisionAsync(s, owner, "Second draft");

        var result = await PostVersionsAsync(s, owner, "Restore", new() { ["number"] = "2", ["seenVersion"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((4, 4, "First draft"), (version, versions, data.GetText("vision")));
        var (v2, v4) = await s.App.WithDbAsync(async db =>
        {
            var all = await db
                .WorksheetVersions.AsNoTracking()
                .Where(v => v.WorksheetId == s.WorksheetId)
                .ToListAsync();
            return (all.Single(v => v.Number == 2), all.Single(v => v.Number == 4));
        });
        Assert.Equal(v2.DataJson, v4.DataJson);
        Assert.Equal(2, v4.RestoredFrom);
        var list = await owner.GetAsync(s.Url + "/versions");
        Assert.Contains("restored from 2", list.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_AfterSomeoneSavedUnseen_IsRefusedAndChangesNothing(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        await SaveVisionAsync(s, owner, "First draft");
        await SaveVisionAsync(s, owner, "Second draft");

        var result = await PostVersionsAsync(s, owner, "Restore", new() { ["number"] = "1", ["seenVersion"] = "2" });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Errors, e => e.Contains("Someone saved this worksheet after you opened this page"));
        var (version, data, _) = await s.StateAsync();
        Assert.Equal((3, "Second draft"), (version, data.GetText("vision")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Label_Version_SetsLabelAndRestartsTheReviewClock(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        s.App.Clock.Advance(TimeSpan.FromDays(3));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        using var co = await s.Cohort.ClientAsAsync("facilitator");

        var result = await PostVersionsAsync(s, co, "Label", new() { ["number"] = "1", ["label"] = "mid-year review" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var (label, reviewed) = await s.App.WithDbAsync(async db =>
            (
                await db
                    .WorksheetVersions.Where(v => v.WorksheetId == s.WorksheetId && v.Number == 1)
                    .Select(v => v.Label)
                    .SingleAsync(),
                await db.Projects.Where(p => p.Id == s.ProjectId).Select(p => p.LastReviewedUtc).SingleAsync()
            )
        );
        Assert.Equal("mid-year review", label);
        Assert.NotNull(reviewed);
        Assert.True(Math.Abs((reviewed.Value - now).TotalSeconds) < 1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Diff_TwoVersions_ShowsRemovedAndAddedLinesOfChangedFieldsOnly(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        await SaveVisionAsync(s, owner, "Gardens\nin every street");
        await SaveVisionAsync(s, owner, "Gardens\nin every town");

        var diff = await owner.GetAsync(s.Url + "/versions/diff?from=2&to=3");

        Assert.Equal(HttpStatusCode.OK, diff.Status);
        var section = Assert.Single(diff.Document.QuerySelectorAll("section.ws-diff-field"));
        Assert.Contains("Vision", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            "in every street",
            section.QuerySelector(".ws-removed del")!.TextContent.Replace("Removed: ", "").Replace("− ", "").Trim()
        );
        Assert.Equal(
            "in every town",
            section.QuerySelector(".ws-added ins")!.TextContent.Replace("Added: ", "").Replace("+ ", "").Trim()
        );
        Assert.Contains("2 unchanged fields", diff.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(s.Url + "/versions/diff?from=2&to=9")).Status);
    }
}
