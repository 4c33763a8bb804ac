using System.Net;
using System.Net.Http.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>Personal access tokens: made on the tokens page and shown once, kept only as a hash, narrowed by scope,
/// cohort and expiry, refused once revoked; and the browser's cookie as the other way in.</summary>
[Collection(SecondAppCollection.Name)]
public class ApiTokenTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TokensPage_MakeUseRevoke_SecretShownOnceStoredHashedAndRefusedAfterRevoking(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var page = await s.S.ClientAsAsync("participant");
        var made = await page.PostFormAsync(
            "/account/tokens",
            new Dictionary<string, string>
            {
                ["Input.Name"] = "Attendance sheet",
                ["Input.Scope"] = "read",
                ["Input.Cohort"] = s.S.CohortId.ToString(),
                ["Input.Expires"] = "30",
            },
            "/account/tokens?handler=Create"
        );
        var secret = made.Document.QuerySelector("#new-secret")?.GetAttribute("value");
        Assert.NotNull(secret);
        Assert.StartsWith("kdl_", secret);

        var row = await s.App.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "Attendance sheet"));
        Assert.Equal(TokenSecrets.Hash(secret), row.SecretHash);
        Assert.NotEqual(secret, row.SecretHash);
        Assert.Equal(ApiTokenScope.Read, row.Scope);
        Assert.Equal(s.S.CohortId, row.CohortId);
        Assert.Equal(s.App.Clock.GetUtcNow().UtcDateTime.AddDays(30), row.ExpiresUtc);
        Assert.Null(row.LastUsedUtc);

        var again = await page.GetAsync("/account/tokens");
        Assert.DoesNotContain(secret, again.Text); // shown once
        Assert.Contains("Attendance sheet", again.Text);
        Assert.Contains(row.Hint, again.Text);

        using var api = s.Client(secret);
        var me = await ApiScenario.JsonAsync(await api.GetAsync("/api/v1/me"));
        Assert.Equal(s.S.Users["participant"].Id, me.GetProperty("id").GetString());
        Assert.Equal("read", me.GetProperty("token").GetProperty("scope").GetString());
        var used = await s.App.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Id == row.Id));
        Assert.NotNull(used.LastUsedUtc);

        var revoked = await page.PostFormAsync(
            "/account/tokens",
            new Dictionary<string, string>(),
            $"/account/tokens?handler=Revoke&id={row.Id}"
        );
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        var refused = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await ApiScenario.JsonAsync(refused);
        Assert.Contains("unknown or was revoked", problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TokensPage_BadInput_SaysWhatIsWrongAndMakesNoToken(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var page = await s.S.ClientAsAsync("outsider");
        var answer = await page.PostFormAsync(
            "/account/tokens",
            new Dictionary<string, string>
            {
                ["Input.Name"] = "",
                ["Input.Scope"] = "admin",
                ["Input.Cohort"] = s.S.CohortId.ToString(), // not theirs
                ["Input.Expires"] = "forever",
            },
            "/account/tokens?handler=Create"
        );
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Name the token after what will use it", answer.Text);
        Assert.Contains("Choose what the token may do", answer.Text);
        Assert.Contains("Choose one of your cohorts", answer.Text);
        Assert.Contains("Choose when the token expires", answer.Text);
        Assert.Null(answer.Document.QuerySelector("#new-secret"));
        var id = s.S.Users["outsider"].Id;
        Assert.Equal(0, await s.App.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == id)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReadToken_Write_Answers403AndStoresNothing(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var api = s.Client(await s.TokenAsync("participant", ApiTokenScope.Read));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{s.SessionUrl}/document")).StatusCode);
        var write = await api.PostAsJsonAsync(
            $"{s.SessionUrl}/responses",
            new { sectionId = s.SectionId, text = "Should not land" }
        );
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("may only read", (await ApiScenario.JsonAsync(write)).GetProperty("detail").GetString());
        Assert.False(await s.App.WithDbAsync(db => db.LiveResponses.AnyAsync(r => r.Text == "Should not land")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CohortToken_OtherCohortOfTheSamePerson_IsNotFoundAndNotListed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await ApiScenario.CreateAsync(app);
        var other = await CohortScenario.CreateAsync(app);
        var participant = s.S.Users["participant"].Id;
        await app.WithDbAsync(db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = other.CohortId,
                    UserId = participant,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
            return db.SaveChangesAsync();
        });
        using var everywhere = await s.ClientAsAsync("participant");
        var all = await ApiScenario.JsonAsync(await everywhere.GetAsync("/api/v1/cohorts"));
        Assert.Equal(2, all.GetArrayLength());

        using var narrowed = s.Client(await s.TokenAsync("participant", cohortId: s.S.CohortId));
        var listed = await ApiScenario.JsonAsync(await narrowed.GetAsync("/api/v1/cohorts"));
        Assert.Equal(s.S.CohortId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await narrowed.GetAsync(s.CohortUrl)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await narrowed.GetAsync($"/api/v1/cohorts/{other.CohortId}")).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await everywhere.GetAsync($"/api/v1/cohorts/{other.CohortId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExpiredUnknownOrDisabled_Answers401ProblemSayingWhy(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        using var expired = s.Client(await s.TokenAsync("participant", expiresUtc: now.AddMinutes(-1)));
        var answer = await expired.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("invalid_token", answer.Headers.WwwAuthenticate.ToString());
        Assert.Contains("expired", (await ApiScenario.JsonAsync(answer)).GetProperty("detail").GetString());

        using var unknown = s.Client(TokenSecrets.New());
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/v1/me")).StatusCode);

        var secret = await s.TokenAsync("observer");
        using (var scope = s.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var observer = (await users.FindByIdAsync(s.S.Users["observer"].Id))!;
            await users.SetLockoutEndDateAsync(observer, Kindling.Web.Infrastructure.DisabledAccounts.Until);
        }
        using var disabled = s.Client(secret);
        var refused = await disabled.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("disabled", (await ApiScenario.JsonAsync(refused)).GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NoCredentialsOrUnknownAddress_AnswerProblemJsonNeverAPage(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var anonymous = s.Client(null);
        var none = await anonymous.GetAsync(s.CohortUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode); // not a redirect to the sign-in page
        Assert.StartsWith("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        using var api = await s.ClientAsAsync("participant");
        var missing = await api.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await ApiScenario.JsonAsync(missing);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("<html", await missing.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cookie_ReadsAndWritesJsonOnly_FormPostsAreRefused(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var browser = await s.S.ClientAsAsync("participant");
        var me = await ApiScenario.JsonAsync(await browser.Http.GetAsync("/api/v1/me"));
        Assert.Equal(JsonValueKindNull, me.GetProperty("token").ValueKind);

        // What another site's page could send with the visitor's cookie: a plain form post.
        var form = await browser.Http.PostAsync(
            $"{s.SessionUrl}/responses",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Forged" })
        );
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        var json = await browser.Http.PostAsJsonAsync(
            $"{s.SessionUrl}/responses",
            new { sectionId = s.SectionId, text = "From the browser" }
        );
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        Assert.False(await s.App.WithDbAsync(db => db.LiveResponses.AnyAsync(r => r.Text == "Forged")));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
