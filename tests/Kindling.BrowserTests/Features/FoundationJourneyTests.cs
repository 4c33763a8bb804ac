using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The whole first journey in a real browser: first admin → facilitator → cohort → schedule → invitation →
/// a participant in another time zone signs up, acknowledges the guidelines, sees the schedule in their own zone
/// and downloads the session's .ics.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FoundationJourneyTests(BrowserFixture fx)
{
    private const string Password = "amber-orchard-compass-58";

    [Fact]
    public async Task FirstAdminToParticipant_FullJourney_Works()
    {
        // 1. The person who started Kindling follows the printed set-up link.
        await using var adminContext = await fx.NewContextAsync("Europe/London");
        var admin = await adminContext.NewPageAsync();
        // This browser reports a zone Kindling doesn't know: the form says so and waits for a choice (never UTC
        // unseen).
        await admin.AddInitScriptAsync(
            """
            const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
            Intl.DateTimeFormat.prototype.resolvedOptions = function () { return { ...resolved.call(this), timeZone: 'Mars/Olympus' }; };
            """
        );
        await admin.GotoAsync(fx.App.SetupUrl);
        await Assertions
            .Expect(admin.GetByText("Your browser reports the time zone “Mars/Olympus”, which Kindling doesn’t know."))
            .ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Your time zone")).ToHaveValueAsync("");
        await Accessibility.AssertNoViolationsAsync(admin);
        await FillAccountAsync(admin, "Ada Admin", "ada@example.org");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create admin account" }).ClickAsync();
        await Assertions
            .Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ada Admin" }))
            .ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(admin);

        // 2. The admin creates a facilitator invitation.
        await admin.GotoAsync("/admin");
        await admin
            .GetByRole(
                AriaRole.Button,
                new() { NameRegex = new Regex("facilitator invitation", RegexOptions.IgnoreCase) }
            )
            .ClickAsync();
        var facilitatorLink = await admin.Locator("input[readonly][value*='/invite/']").First.InputValueAsync();
        await Accessibility.AssertNoViolationsAsync(admin);

        // 3. The facilitator signs up through it and creates a cohort from the built-in curriculum. Their browser is in
        //    India, which Chromium reports by its legacy name Asia/Calcutta: the form still finds their zone.
        await using var facContext = await fx.NewContextAsync("Asia/Kolkata");
        var fac = await facContext.NewPageAsync();
        await fac.GotoAsync(facilitatorLink);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Assertions.Expect(fac.GetByLabel("Your time zone")).ToHaveValueAsync("Asia/Kolkata");
        await FillAccountAsync(fac, "Femi Facilitator", "femi@example.org");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await fac.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await fac.GetByLabel("Name", new() { Exact = true }).FillAsync("Winter cohort");
        await fac.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await Assertions.Expect(fac.GetByLabel("Participation guidelines")).Not.ToBeEmptyAsync();
        await Accessibility.AssertNoViolationsAsync(fac);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions
            .Expect(fac.GetByRole(AriaRole.Heading, new() { Name = "Winter cohort", Level = 1 }))
            .ToBeVisibleAsync();
        var cohortUrl = fac.Url;
        await Accessibility.AssertNoViolationsAsync(fac);

        // 4. Two sessions, 15:00 London time.
        foreach (var date in new[] { "2026-12-08", "2026-12-15" })
        {
            await fac.GetByRole(AriaRole.Link, new() { Name = "Schedule a session" }).ClickAsync();
            await fac.GetByLabel("Date").FillAsync(date);
            await fac.GetByLabel(new Regex("^Start time")).FillAsync("15:00");
            await fac.GetByLabel("Video call link").FillAsync("https://meet.example.org/winter");
            await fac.GetByRole(AriaRole.Button, new() { Name = "Schedule session" }).ClickAsync();
            await Assertions.Expect(fac.GetByText("Session scheduled.")).ToBeVisibleAsync();
            await fac.GotoAsync(cohortUrl);
        }

        // 5. A participant invitation.
        await fac.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
        await fac.GetByRole(
                AriaRole.Button,
                new() { NameRegex = new Regex("create invitation", RegexOptions.IgnoreCase) }
            )
            .ClickAsync();
        var participantLink = await fac.Locator("input[readonly][value*='/invite/']").First.InputValueAsync();
        await Accessibility.AssertNoViolationsAsync(fac);

        // 6. A participant in Tokyo signs up through it in a second browser context.
        await using var parContext = await fx.NewContextAsync("Asia/Tokyo", width: 390);
        var par = await parContext.NewPageAsync();
        await par.GotoAsync(participantLink);
        await Assertions.Expect(par.GetByText("Winter cohort")).ToBeVisibleAsync();
        await par.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Assertions.Expect(par.GetByLabel("Your time zone")).ToHaveValueAsync("Asia/Tokyo");
        await Accessibility.AssertNoViolationsAsync(par);
        await FillAccountAsync(par, "Pat Participant", "pat@example.org", zone: null);
        await par.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        // 7. Guidelines first, then the cohort.
        await Assertions.Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Code of conduct" })).ToBeVisibleAsync();
        await par.GetByRole(AriaRole.Button, new() { Name = "Enter the cohort" }).ClickAsync();
        await Assertions.Expect(par.GetByText("Tick the box")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(par);
        await par.GetByLabel(new Regex("I have read the participation guidelines")).CheckAsync();
        await par.GetByRole(AriaRole.Button, new() { Name = "Enter the cohort" }).ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Winter cohort", Level = 1 }))
            .ToBeVisibleAsync();

        // 15:00 in London on 8 December is midnight on 9 December in Tokyo.
        await Assertions.Expect(par.GetByText("Wed 9 Dec 2026, 00:00 (Asia/Tokyo)")).ToBeVisibleAsync();
        await Assertions.Expect(par.GetByText("Wed 16 Dec 2026, 00:00 (Asia/Tokyo)")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(par);

        // 8. The session page and its calendar file.
        await par.GetByRole(AriaRole.Link, new() { Name = "Community Narrative" }).First.ClickAsync();
        await Assertions.Expect(par.GetByText("The discussion is never recorded")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(par);
        var download = await par.RunAndWaitForDownloadAsync(() =>
            par.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" }).ClickAsync()
        );
        var path = await download.PathAsync();
        var ics = await File.ReadAllTextAsync(path!);
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("DTSTART;TZID=Europe/London:20261208T150000", ics);
        Assert.Contains("https://meet.example.org/winter", ics);
    }

    private static async Task FillAccountAsync(IPage page, string name, string email, string? zone = "Europe/London")
    {
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        if (zone is not null)
            await page.GetByLabel("Your time zone").SelectOptionAsync(zone);
    }
}
