using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>
/// A cohort scenario for the API: its session's live document open, a project managed by the participant with one
/// unshared worksheet, and tokens made for any role (stored hashed, as the tokens page stores them).
/// </summary>
public sealed class ApiScenario
{
    public required CohortScenario S { get; init; }
    public required ProjectSeed Project { get; init; }
    public required Guid SectionId { get; init; }
    public required Guid SilentSectionId { get; init; }
    public KindlingApp App => S.App;
    public string CohortUrl => $"/api/v1/cohorts/{S.CohortId}";
    public string SessionUrl => $"{CohortUrl}/sessions/{S.SessionId}";

    public static async Task<ApiScenario> CreateAsync(KindlingApp app)
    {
        var s = await CohortScenario.CreateAsync(app);
        var project = await ProjectSeed.CreateAsync(s);
        await LiveClients.OpenDocumentAsync(s);
        var sections = await app.WithDbAsync(db =>
            db.LiveSections.Where(x => x.SessionId == s.SessionId).OrderBy(x => x.Position).ToListAsync()
        );
        return new ApiScenario
        {
            S = s,
            Project = project,
            SectionId = sections.First(x => !x.Silent && x.Kind != "roll-call").Id,
            SilentSectionId = sections.First(x => x.Silent).Id,
        };
    }

    /// <summary>A token for a scenario role (or any user id), stored as the tokens page would store it.</summary>
    public async Task<string> TokenAsync(
        string role,
        ApiTokenScope scope = ApiTokenScope.Write,
        Guid? cohortId = null,
        DateTime? expiresUtc = null
    )
    {
        var secret = TokenSecrets.New();
        var userId = S.Users.TryGetValue(role, out var user) ? user.Id : role;
        await App.WithDbAsync(db =>
        {
            db.ApiTokens.Add(
                new ApiToken
                {
                    UserId = userId,
                    Name = $"{role} test token",
                    SecretHash = TokenSecrets.Hash(secret),
                    Hint = TokenSecrets.Hint(secret),
                    Scope = scope,
                    CohortId = cohortId,
                    CreatedUtc = App.Clock.GetUtcNow().UtcDateTime,
                    ExpiresUtc = expiresUtc,
                }
            );
            return db.SaveChangesAsync();
        });
        return secret;
    }

    /// <summary>A client that sends the token (or nothing) and follows no redirects.</summary>
    public HttpClient Client(string? token)
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<HttpClient> ClientAsAsync(string role) => Client(await TokenAsync(role));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.IsSuccessStatusCode
                || response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode}: {text}"
        );
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string url, object body) =>
        http.PostAsJsonAsync(url, body);
}
