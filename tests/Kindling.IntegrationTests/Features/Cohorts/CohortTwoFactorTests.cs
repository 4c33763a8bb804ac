using System.Net;
using Kindling.IntegrationTests.Features.Account;
using Kindling.IntegrationTests.Features.LiveSession;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Kindling.Web.Features.Cohorts;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Cohorts;

/// <summary>A cohort that asks its facilitators to use two-factor sign-in: the one cohort check enforces it on
/// every page, download and in the live room.</summary>
[Collection(SecondAppCollection.Name)]
public class CohortTwoFactorTests(Apps apps)
{
    private static Task RequireAsync(CohortScenario s, bool on = true) =>
        s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.RequireTwoFactorForFacilitators, on))
        );

    /// <summary>Signs in with the password and the current code from the app.</summary>
    private static async Task<PageClient> SignInWithCodeAsync(CohortScenario s, string role, string key)
    {
        var client = s.App.Client();
        await client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = s.Users[role].Email!, ["Password"] = CohortScenario.Password }
        );
        var done = await client.PostFormAsync(
            "/account/signin-2fa",
            new Dictionary<string, string> { ["Code"] = Code(key) }
        );
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        return client;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryCohortAddress_ForAFacilitatorWithoutTwoFactor_SendsToSetUpOrRefuses(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await RequireAsync(s);
        using var fac = await s.ClientAsAsync("facilitator");
        using var participant = await s.ClientAsAsync("participant");

        var wrong = new List<string>();
        foreach (var address in CohortGateTests.CohortAddresses(s))
        {
            var answer = await fac.GetAsync(address);
            var ok =
                answer.Status == HttpStatusCode.Forbidden
                || answer.Status == HttpStatusCode.Redirect && answer.Location?.OriginalString == "/account/two-factor";
            if (!ok)
                wrong.Add($"{address}: {(int)answer.Status} {answer.Location}");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/cohorts/{s.CohortId}")).Status);
        var name = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Name).SingleAsync()
        );
        var why = await fac.GetAsync("/account/two-factor");
        Assert.Contains(why.Errors, e => e.Contains(name, StringComparison.Ordinal));
        var calendar = await fac.Http.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/calendar.ics");
        Assert.Equal(HttpStatusCode.Forbidden, calendar.StatusCode);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorWithTwoFactor_OpensTheCohort(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await RequireAsync(s);
        var (key, _) = await EnableTwoFactorAsync(s.App, s.Users["facilitator"].Id);

        using var fac = await SignInWithCodeAsync(s, "facilitator", key);

        Assert.Equal(HttpStatusCode.OK, (await fac.GetAsync($"/cohorts/{s.CohortId}")).Status);
        var edit = await fac.GetAsync($"/cohorts/{s.CohortId}/edit");
        Assert.NotNull(edit.Document.QuerySelector("input[name='Input.RequireTwoFactorForFacilitators'][checked]"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditCohort_TurningTheRuleOn_NeedsTheEditorsOwnTwoFactor(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var url = $"/cohorts/{s.CohortId}/edit";
        Dictionary<string, string> Form(PageClient.Page page) =>
            page
                .Document.QuerySelectorAll(
                    "form[method=post] input[name^='Input.'], form[method=post] textarea, form[method=post] select"
                )
                .Where(e => e.GetAttribute("type") is not "checkbox" and not "hidden")
                .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent.Trim());
        using var without = await s.ClientAsAsync("facilitator");
        var form = Form(await without.GetAsync(url));
        form["Input.TimeZoneId"] = "Europe/London";
        form["Input.RequireTwoFactorForFacilitators"] = "true";

        var refused = await without.PostFormAsync(url, form);

        Assert.Contains(CohortInput.OwnTwoFactorFirst, refused.Errors);
        Assert.False(
            await s.App.WithDbAsync(db =>
                db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.RequireTwoFactorForFacilitators).SingleAsync()
            )
        );
        var (key, _) = await EnableTwoFactorAsync(s.App, s.Users["facilitator"].Id);
        using var with = await SignInWithCodeAsync(s, "facilitator", key);
        var saved = await with.PostFormAsync(url, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.True(
            await s.App.WithDbAsync(db =>
                db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.RequireTwoFactorForFacilitators).SingleAsync()
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LiveRoom_AFacilitatorWithoutTwoFactor_IsRefused_AtJoinAndAtTheNextCommand(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");

        await RequireAsync(room.S);

        LiveAssert.Fails(await fac.TimerAsync(TimerActions.Start, 5), "not shared with you");
        Assert.False((await room.TryJoinAsync("facilitator")).Result.Ok);
        LiveAssert.Ok(await par.AddResponseAsync(par.Snapshot!.Sections.First(x => !x.Silent).Id, "Still here"));
    }
}
