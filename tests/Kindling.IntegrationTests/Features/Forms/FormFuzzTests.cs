using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Forms;

/// <summary>
/// Bad input on every form the foundation has: each case gets a clear, specific message (or 404 for unknown ids)
/// and the database is exactly as it was.
/// </summary>
[Collection(AppCollection.Name)]
public class FormFuzzTests(Apps apps)
{
    private static readonly string Long = new('x', 20_001);
    private const string Script = "<script>alert(1)</script>";

    private static Dictionary<string, string> ValidCohort(Guid curriculumId) =>
        new()
        {
            ["CurriculumId"] = curriculumId.ToString(),
            ["Input.Name"] = "Autumn cohort",
            ["Input.Description"] = "",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.Guidelines"] = "Be here.",
            ["Input.CodeOfConduct"] = "Be kind.",
        };

    public static TheoryData<string, string, string, string> CohortCases()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.Name", "", "Give the cohort a name");
            d.Add(p, "Input.Name", new string('n', 121), "at most 120");
            d.Add(p, "Input.Name", Script, "can't contain < or >");
            d.Add(p, "Input.Description", new string('d', 2001), "at most 2,000");
            d.Add(p, "Input.TimeZoneId", "Mars/Olympus_Mons", "Pick a time zone");
            d.Add(p, "Input.TimeZoneId", "", "Pick the time zone");
            d.Add(p, "Input.Guidelines", "", "Write participation guidelines");
            d.Add(p, "Input.Guidelines", Long, "at most 20,000");
            d.Add(p, "Input.CodeOfConduct", "", "Write a code of conduct");
            d.Add(p, "CurriculumId", Guid.NewGuid().ToString(), "Pick a curriculum");
            d.Add(p, "CurriculumId", "not-a-guid", "CurriculumId");
        }
        return d;
    }

    [Theory, MemberData(nameof(CohortCases))]
    public async Task NewCohort_BadField_ShowsMessageAndStoresNothing(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var curriculumId = await s.App.WithDbAsync(db =>
            db.Curricula.Where(c => c.Slug == "foundations").Select(c => c.Id).SingleAsync()
        );
        var before = await s.App.WithDbAsync(db => db.Cohorts.CountAsync());
        var fields = ValidCohort(curriculumId);
        fields[field] = value;
        var page = await client.PostFormAsync("/cohorts/new", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        Assert.DoesNotContain("<script>alert(1)</script>", page.Text);
        Assert.Equal(before, await s.App.WithDbAsync(db => db.Cohorts.CountAsync()));
    }

    public static TheoryData<string, string, string, string> SessionCases()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.LessonId", "", "Pick the lesson");
            d.Add(p, "Input.LessonId", Guid.NewGuid().ToString(), "Pick a lesson of this cohort");
            d.Add(p, "Input.Date", "", "Enter the date");
            d.Add(p, "Input.Date", "31/02/2026", "Date");
            d.Add(p, "Input.Time", "25:99", "Start time");
            d.Add(p, "Input.PresentationMinutes", "0", "15 to 240");
            d.Add(p, "Input.PresentationMinutes", "lots", "Lesson minutes");
            d.Add(p, "Input.DiscussionMinutes", "-5", "0 to 120");
            d.Add(p, "Input.JoinUrl", "javascript:alert(1)", "full https:// address");
            d.Add(p, "Input.JoinUrl", "https://" + new string('a', 600) + ".org", "at most 500");
            d.Add(p, "Input.NotesUrl", Script, "full https:// address");
            d.Add(p, "Input.Recording", "Sometimes", "Recording");
        }
        return d;
    }

    [Theory, MemberData(nameof(SessionCases))]
    public async Task NewSession_BadField_ShowsMessageAndStoresNothing(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var lessonId = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync()
        );
        var fields = new Dictionary<string, string>
        {
            ["Input.LessonId"] = lessonId.ToString(),
            ["Input.Date"] = "2026-05-05",
            ["Input.Time"] = "16:00",
            ["Input.PresentationMinutes"] = "60",
            ["Input.DiscussionMinutes"] = "30",
            ["Input.Recording"] = "NoRecording",
            ["Input.JoinUrl"] = "https://meet.example.org/x",
        };
        fields[field] = value;
        var page = await client.PostFormAsync($"/cohorts/{s.CohortId}/sessions/new", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        Assert.DoesNotContain("<script>alert(1)</script>", page.Text);
        Assert.Equal(1, await s.App.WithDbAsync(db => db.Sessions.CountAsync(x => x.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditSession_UnknownSessionId_Is404AndChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var token = await client.TokenAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/edit");
        var page = await client.PostWithTokenAsync(
            $"/cohorts/{s.CohortId}/sessions/{Guid.NewGuid()}/edit?handler=Delete",
            new Dictionary<string, string>(),
            token
        );
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(1, await s.App.WithDbAsync(db => db.Sessions.CountAsync(x => x.CohortId == s.CohortId)));
    }

    /// <summary>A new person in Europe/Oslo, signed in: whose profile the profile cases post to.</summary>
    private async Task<(KindlingApp App, AppUser User, PageClient Client)> SignedInPersonAsync(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = $"fuzz-{Guid.NewGuid():N}@example.org";
        var user = await app.CreateUserAsync(email, CohortScenario.Password, "Europe/Oslo");
        var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        return (app, user, client);
    }

    public static TheoryData<string, string, string, string> ProfileCases()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.DisplayName", "", "Enter the name");
            d.Add(p, "Input.DisplayName", new string('n', 81), "at most 80");
            d.Add(p, "Input.DisplayName", Script, "can't contain < or >");
            d.Add(p, "Input.Pronouns", new string('p', 41), "at most 40");
            d.Add(p, "Input.SocialHandles", new string('s', 301), "at most 300");
            d.Add(p, "Input.Feeling", new string('f', 121), "at most 120");
            d.Add(p, "Input.TimeZoneId", "Europe/Atlantis", "Pick your time zone");
            d.Add(p, "Input.TimeZoneId", "", "Pick your time zone"); // "Choose a time zone", for someone without one
        }
        return d;
    }

    [Theory, MemberData(nameof(ProfileCases))]
    public async Task Profile_BadField_ShowsMessageAndKeepsTheProfile(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var (app, user, client) = await SignedInPersonAsync(provider);
        using var _ = client;
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Changed", ["Input.TimeZoneId"] = "UTC" };
        fields[field] = value;
        var page = await client.PostFormAsync("/account/profile", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        // The message also sits by its field, which points to it and keeps what was typed.
        var id = field.Replace('.', '_');
        Assert.Contains(message, page.Document.GetElementById($"{id}-error")?.TextContent ?? "");
        var control = page.Document.GetElementById(id)!;
        Assert.Equal(
            ("true", $"{id}-error"),
            (control.GetAttribute("aria-invalid"), control.GetAttribute("aria-describedby"))
        );
        if (control is AngleSharp.Html.Dom.IHtmlInputElement typed)
            Assert.Equal(value, typed.Value);
        var saved = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Id).Select(u => new { u.DisplayName, u.TimeZoneId }).SingleAsync()
        );
        Assert.Equal((user.DisplayName, "Europe/Oslo"), (saved.DisplayName, saved.TimeZoneId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Profile_SeveralBadFields_ShowsEveryMessageAtOnce(string provider)
    {
        var (app, user, client) = await SignedInPersonAsync(provider);
        using var _ = client;
        var page = await client.PostFormAsync(
            "/account/profile",
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "",
                ["Input.Pronouns"] = Script,
                ["Input.Organisation"] = "<i>Lab</i>",
                ["Input.TimeZoneId"] = "UTC",
            }
        );
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (
            var (id, message) in new[]
            {
                ("Input_DisplayName", "Enter the name"),
                ("Input_Pronouns", "Pronouns can't contain < or >"),
                ("Input_Organisation", "Organisation can't contain < or >"),
            }
        )
            Assert.Contains(message, page.Document.GetElementById($"{id}-error")?.TextContent ?? "");
        var saved = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Id).Select(u => u.Pronouns).SingleAsync()
        );
        Assert.Null(saved);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnyForm_WithoutAntiforgeryToken_IsRefusedAndChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var response = await client.Http.PostAsync(
            $"/cohorts/{s.CohortId}?handler=ResetFeed",
            new FormUrlEncodedContent(new Dictionary<string, string>())
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("That request didn&#x27;t look right", body);
    }
}
