using System.Net;
using Kindling.IntegrationTests.Features.Invitations;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Forms;

/// <summary>Bad input on the edit-cohort, sign-up, invitation and lesson-editor forms: a specific message, nothing
/// changed.</summary>
[Collection(AppCollection.Name)]
public class MoreFormFuzzTests(Apps apps)
{
    private const string Script = "<script>alert(1)</script>";

    public static TheoryData<string, string, string, string> EditCohortCases()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.Name", "", "Give the cohort a name");
            d.Add(p, "Input.Name", Script, "can't contain < or >");
            d.Add(p, "Input.Name", new string('n', 121), "at most 120");
            d.Add(p, "Input.TimeZoneId", "Moon/Tranquility", "Pick a time zone");
            d.Add(p, "Input.CodeOfConduct", new string('c', 20_001), "at most 20,000");
            d.Add(p, "Input.Guidelines", "", "Write participation guidelines");
        }
        return d;
    }

    [Theory, MemberData(nameof(EditCohortCases))]
    public async Task EditCohort_BadField_ShowsMessageAndKeepsTheCohort(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Renamed",
            ["Input.Description"] = "",
            ["Input.TimeZoneId"] = "Europe/Paris",
            ["Input.Guidelines"] = "New guidelines",
            ["Input.CodeOfConduct"] = "New code",
        };
        fields[field] = value;
        var page = await client.PostFormAsync($"/cohorts/{s.CohortId}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        Assert.DoesNotContain(Script, page.Text);
        var saved = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId)
                .Select(c => new
                {
                    c.Name,
                    c.TimeZoneId,
                    c.Guidelines,
                })
                .SingleAsync()
        );
        Assert.StartsWith("Spring cohort", saved.Name);
        Assert.Equal(("Europe/London", "Take space, make space."), (saved.TimeZoneId, saved.Guidelines));
    }

    public static TheoryData<string, string, string, string> SignUpCases()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.DisplayName", "", "Enter the name");
            d.Add(p, "Input.DisplayName", Script, "can't contain < or >");
            d.Add(p, "Input.Email", "not-an-address", "like name@example.org");
            d.Add(p, "Input.Email", new string('e', 200) + "@example.org", "at most 200");
            d.Add(p, "Input.Password", "short", "12 to 128");
            d.Add(p, "Input.Password", "password1234", "too common");
            d.Add(p, "Input.ConfirmPassword", "something-else-entirely", "don't match");
            d.Add(p, "Input.TimeZoneId", "Europe/Atlantis", "Pick your time zone");
            d.Add(p, "Invite", "no-such-token", "");
        }
        return d;
    }

    [Theory, MemberData(nameof(SignUpCases))]
    public async Task SignUp_BadField_ShowsMessageCreatesNoAccountAndKeepsTheLink(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var token = InvitationFlow.Token(await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant"));
        var users = await s.App.WithDbAsync(db => db.Users.CountAsync());
        using var anonymous = s.App.Client();
        var signup = $"/account/signup?invite={token}";
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Fuzz Person",
            ["Input.Email"] = $"fuzz-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = CohortScenario.Password,
            ["Input.ConfirmPassword"] = CohortScenario.Password,
            ["Input.TimeZoneId"] = "UTC",
            ["Invite"] = token,
        };
        fields[field] = value;
        if (field == "Input.Password")
            fields["Input.ConfirmPassword"] = value;
        var page = await anonymous.PostFormAsync(signup, fields, field == "Invite" ? "/account/signup" : null);
        if (field == "Invite")
            Assert.Equal(HttpStatusCode.NotFound, page.Status); // an unknown link reads as "not found"
        else
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.OrdinalIgnoreCase));
        }
        Assert.DoesNotContain(Script, page.Text);
        Assert.Equal(users, await s.App.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(
            0,
            await s.App.WithDbAsync(db => db.Invitations.Where(i => i.Token == token).Select(i => i.Uses).SingleAsync())
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateInvitation_UnknownUsesValueOrCohort_ChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var url = $"/cohorts/{s.CohortId}/invitations";
        var fields = new Dictionary<string, string>
        {
            ["Input.Role"] = "participant",
            ["Input.Uses"] = "forever",
            ["Input.ExpiresInDays"] = "7",
        };
        var result = await facilitator.PostFormAsync(url, fields, url + "?handler=Create");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Errors, e => e.Contains("works once or for several people"));

        var token = await facilitator.TokenAsync(url);
        fields["Input.Uses"] = "single";
        var unknown = await facilitator.PostWithTokenAsync(
            $"/cohorts/{Guid.NewGuid()}/invitations?handler=Create",
            fields,
            token
        );
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(
            0,
            await s.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CreatedById == s.Users["facilitator"].Id))
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditLesson_EmptyOrOversizedSource_IsRefusedAndTheLessonIsUnchanged(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var lesson = await s.App.WithDbAsync(db =>
            db.Lessons.Where(l => db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == "foundations"))
                .OrderBy(l => l.Order)
                .FirstAsync()
        );
        var url = $"/curricula/foundations/lessons/{lesson.Slug}/edit";
        foreach (var (bad, message) in new[] { ("", "front matter"), (new string('x', 250_000), "the limit is") })
        {
            var page = await facilitator.PostFormAsync(url, new Dictionary<string, string> { ["Source"] = bad });
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(message, page.Text, StringComparison.OrdinalIgnoreCase);
        }
        var unknown = await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["Source"] = lesson.Source },
            $"/curricula/foundations/lessons/no-such-lesson/edit"
        );
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(
            lesson.Source,
            await s.App.WithDbAsync(db => db.Lessons.Where(l => l.Id == lesson.Id).Select(l => l.Source).SingleAsync())
        );
    }
}
