using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Worksheets.WorksheetEditorScenario;

namespace Kindling.IntegrationTests.Features.Worksheets;

[Collection(SecondAppCollection.Name)]
public class EditorTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_ByManager_CreatesVersion2WithTheValues(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("What changes?", page.Text); // prompts are shown
        var form = FormOf(page);
        Set(form, "f.vision", "Every street has a shared garden.");
        Set(form, "f.stakeholders.0.name", "Funders");
        Set(form, "f.stakeholders.0.power", "8");
        Set(form, "f.stakeholders.0.interest", "3");

        var saved = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal(2, version);
        Assert.Equal(2, versions);
        Assert.Equal("Every street has a shared garden.", data.GetText("vision"));
        Assert.Equal(
            new Stakeholder("Funders", "", "", 8, 3),
            Assert.Single(data.Get<List<Stakeholder>>("stakeholders")!)
        );
        var after = await owner.GetAsync(s.Url);
        Assert.Contains("Saved as version 2.", after.Text);
        Assert.Contains("Keep satisfied", after.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Post_ByCohortMemberWhoIsNotAManager_Is404AndChangesNothing(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var form = FormOf(await owner.GetAsync(s.Url));
        Set(form, "f.vision", "Hijacked");
        using var observer = await s.Cohort.ClientAsAsync("observer");
        var token = await observer.TokenAsync("/account/profile");

        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync(s.Url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(observer, s.Url, form, token)).Status);

        await s.App.WithDbAsync(async db =>
            await db
                .Worksheets.Where(w => w.Id == s.WorksheetId)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.SharedUtc, DateTime.UtcNow))
        );
        var shared = await observer.GetAsync(s.Url);
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Null(shared.Document.QuerySelector("form.ws-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(observer, s.Url, form, token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync(s.Url + "/versions")).Status);

        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((1, 1), (version, versions));
        Assert.Equal("", data.GetText("vision"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_InvalidPower_ShowsNamedMessageKeepsInputAndSavesNothing(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        var form = FormOf(page);
        Set(form, "f.vision", "Typed but not saved");
        Set(form, "f.stakeholders.0.name", "Funders");
        Set(form, "f.stakeholders.0.power", "11");
        Set(form, "f.stakeholders.0.interest", "4");

        var result = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Errors, e => e.Contains("Power for ‘Funders’ must be a whole number from 1 to 10"));
        Assert.Equal(
            "11",
            result.Document.QuerySelector("input[name='f.stakeholders.0.power']")!.GetAttribute("value")
        );
        Assert.Equal("Typed but not saved", result.Document.QuerySelector("textarea[name='f.vision']")!.TextContent);
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((1, 1, ""), (version, versions, data.GetText("vision")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_SameFieldBySecondManager_ShowsConflictWithBothValuesAndSavesNothing(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        using var co = await s.Cohort.ClientAsAsync("facilitator");
        var ownerPage = await owner.GetAsync(s.Url);
        var coPage = await co.GetAsync(s.Url);
        var ownerForm = FormOf(ownerPage);
        var coForm = FormOf(coPage);
        Set(ownerForm, "f.vision", "Gardens everywhere");
        Set(coForm, "f.vision", "Seeds for all");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, s.Url, ownerForm, TokenOf(ownerPage))).Status);

        var conflict = await PostAsync(co, s.Url, coForm, TokenOf(coPage));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        var box = conflict.Document.QuerySelector("#conflict-vision")!;
        Assert.Contains("Your value", box.TextContent);
        Assert.Contains("Seeds for all", box.TextContent);
        Assert.Contains("Gardens everywhere", box.TextContent);
        Assert.Contains($"saved by {s.Cohort.Users["participant"].DisplayName}", box.TextContent);
        Assert.Contains("Nothing has been saved yet", conflict.Text);
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((2, 2, "Gardens everywhere"), (version, versions, data.GetText("vision")));

        // Choosing "keep mine" and saving again applies it on top of version 2: nothing was lost along the way.
        var again = FormOf(conflict);
        Assert.Contains(again, f => f.Key == "baseVersion" && f.Value == "2");
        Set(again, "resolve.vision", "mine");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(co, s.Url, again, TokenOf(conflict))).Status);
        (version, data, _) = await s.StateAsync();
        Assert.Equal((3, "Seeds for all"), (version, data.GetText("vision")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Conflict_KeepTheirs_SavesTheirValue(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        using var co = await s.Cohort.ClientAsAsync("facilitator");
        var ownerPage = await owner.GetAsync(s.Url);
        var coPage = await co.GetAsync(s.Url);
        var (ownerForm, coForm) = (FormOf(ownerPage), FormOf(coPage));
        Set(ownerForm, "f.vision", "Gardens everywhere");
        Set(coForm, "f.vision", "Seeds for all");
        Set(coForm, "f.mission", "We swap seeds");
        await PostAsync(owner, s.Url, ownerForm, TokenOf(ownerPage));
        var conflict = await PostAsync(co, s.Url, coForm, TokenOf(coPage));

        var again = FormOf(conflict);
        Set(again, "resolve.vision", "theirs");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(co, s.Url, again, TokenOf(conflict))).Status);

        var (version, data, _) = await s.StateAsync();
        Assert.Equal(
            (3, "Gardens everywhere", "We swap seeds"),
            (version, data.GetText("vision"), data.GetText("mission"))
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_DifferentFieldsByTwoManagers_MergesBoth(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        using var co = await s.Cohort.ClientAsAsync("facilitator");
        var ownerPage = await owner.GetAsync(s.Url);
        var coPage = await co.GetAsync(s.Url);
        var (ownerForm, coForm) = (FormOf(ownerPage), FormOf(coPage));
        Set(ownerForm, "f.vision", "Gardens everywhere");
        Set(coForm, "f.mission", "We swap seeds");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, s.Url, ownerForm, TokenOf(ownerPage))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(co, s.Url, coForm, TokenOf(coPage))).Status);

        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((3, 3), (version, versions));
        Assert.Equal(("Gardens everywhere", "We swap seeds"), (data.GetText("vision"), data.GetText("mission")));
        Assert.Contains("Changes someone else saved meanwhile were kept: Vision", (await co.GetAsync(s.Url)).Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddRow_WithoutJavaScript_SavesAndOffersAnotherBlankRow(string provider)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        var form = FormOf(page);
        Set(form, "f.stakeholders.0.name", "Neighbours");
        Set(form, "f.stakeholders.0.power", "3");
        Set(form, "f.stakeholders.0.interest", "9");
        form.Add(new("op", "add:f.stakeholders"));

        var result = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var next = await owner.GetAsync(result.Location!.ToString());
        Assert.Equal(
            "Neighbours",
            next.Document.QuerySelector("input[name='f.stakeholders.0.name']")!.GetAttribute("value")
        );
        // the usual blank row and the added one
        Assert.NotNull(next.Document.QuerySelector("input[name='f.stakeholders.2.name']"));
        Assert.Contains("Inform regularly", next.Document.QuerySelector("output[data-quadrant-for='0']")!.TextContent);
    }
}
