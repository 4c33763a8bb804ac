using System.Net;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Cohorts;

/// <summary>Every cohort page and action against every kind of person: outsiders (admins included) get 404, never a
/// hint.</summary>
[Collection(SecondAppCollection.Name)]
public class CohortPermissionTests(Apps apps)
{
    public static TheoryData<string, string, string, int> ReadMatrix()
    {
        var data = new TheoryData<string, string, string, int>();
        string[] memberPages =
        [
            "",
            "/lessons/community-narrative",
            "/sessions/{session}",
            "/sessions/{session}/calendar.ics",
        ];
        string[] facilitatorPages = ["/sessions/new", "/sessions/{session}/edit", "/members", "/invitations", "/edit"];
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            foreach (var page in memberPages)
            {
                data.Add(provider, page, "outsider", 404);
                data.Add(provider, page, "admin", 404);
                data.Add(provider, page, "observer", 200);
                data.Add(provider, page, "participant", 200);
                data.Add(provider, page, "facilitator", 200);
            }
            foreach (var page in facilitatorPages)
            {
                data.Add(provider, page, "outsider", 404);
                data.Add(provider, page, "admin", 404);
                data.Add(provider, page, "observer", 403);
                data.Add(provider, page, "participant", 403);
                data.Add(provider, page, "facilitator", 200);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(ReadMatrix))]
    public async Task CohortPage_ByRole_AnswersExpectedStatus(string provider, string page, string role, int expected)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync(role);
        var url = $"/cohorts/{s.CohortId}{page.Replace("{session}", s.SessionId.ToString())}";
        var result = await client.GetAsync(url);
        Assert.Equal((HttpStatusCode)expected, result.Status);
        if (expected == 404)
            Assert.DoesNotContain("Spring cohort", result.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CohortPage_Anonymous_RedirectsToSignIn(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = s.App.Client();
        var result = await client.GetAsync($"/cohorts/{s.CohortId}");
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.StartsWith("/account/signin", result.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnknownCohort_AnyMember_Gets404WithReadablePage(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var result = await client.GetAsync($"/cohorts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Contains("Page not found", result.Text);
    }

    public static TheoryData<string, string, int> WriteMatrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            data.Add(provider, "outsider", 404);
            data.Add(provider, "admin", 404);
            data.Add(provider, "observer", 403);
            data.Add(provider, "participant", 403);
            data.Add(provider, "facilitator", 302);
        }
        return data;
    }

    [Theory, MemberData(nameof(WriteMatrix))]
    public async Task ScheduleSession_ByRole_OnlyFacilitatorChangesTheSchedule(
        string provider,
        string role,
        int expected
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var lessonId = await s.App.WithDbAsync(db =>
            Task.FromResult(db.Sessions.Single(x => x.Id == s.SessionId).LessonId)
        );
        using var client = await s.ClientAsAsync(role);
        // Each client needs its own token: take it from a page it may see (the dashboard has the sign-out form).
        var own =
            role == "facilitator"
                ? await client.TokenAsync($"/cohorts/{s.CohortId}/sessions/new")
                : await client.TokenAsync("/");
        var result = await client.PostWithTokenAsync(
            $"/cohorts/{s.CohortId}/sessions/new",
            new Dictionary<string, string>
            {
                ["Input.LessonId"] = lessonId.ToString(),
                ["Input.Date"] = "2026-04-01",
                ["Input.Time"] = "15:00",
                ["Input.PresentationMinutes"] = "60",
                ["Input.DiscussionMinutes"] = "30",
                ["Input.Recording"] = "NoRecording",
            },
            own
        );
        Assert.Equal((HttpStatusCode)expected, result.Status);
        var count = await s.App.WithDbAsync(db => Task.FromResult(db.Sessions.Count(x => x.CohortId == s.CohortId)));
        Assert.Equal(expected == 302 ? 2 : 1, count);
    }
}
