using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>
/// Every operation of the API's own OpenAPI document, called by every kind of person with a read-and-write token,
/// answers as the pages would: outsiders and admins who are not members get 404, members lacking the role 403, and
/// worksheets stay with their project until shared. An operation added to the API without a line here fails
/// <see cref="Document_EveryOperation_HasAPermissionCase"/>.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class ApiPermissionTests(Apps apps)
{
    private static readonly string[] Roles = ["outsider", "admin", "observer", "participant", "facilitator"];

    // Expected status per role, in the order of Roles. The admin is an instance facilitator, not a cohort member.
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET /api/v1/me"] = [200, 200, 200, 200, 200],
        ["GET /api/v1/cohorts"] = [200, 200, 200, 200, 200],
        ["GET /api/v1/curricula"] = [403, 200, 403, 403, 200],
        ["GET /api/v1/curricula/{slug}/export"] = [403, 200, 403, 403, 200],
        ["GET /api/v1/cohorts/{cohortId}"] = [404, 404, 200, 200, 200],
        ["GET /api/v1/cohorts/{cohortId}/sessions"] = [404, 404, 200, 200, 200],
        ["GET /api/v1/cohorts/{cohortId}/members"] = [404, 404, 200, 200, 200],
        ["GET /api/v1/cohorts/{cohortId}/projects"] = [404, 404, 200, 200, 200],
        ["GET /api/v1/cohorts/{cohortId}/projects/{projectId}/worksheets"] = [404, 404, 200, 200, 200],
        // Not shared: only the project's managers (the participant) see it, and only they save.
        ["GET /api/v1/cohorts/{cohortId}/worksheets/{worksheetId}"] = [404, 404, 404, 200, 404],
        ["PUT /api/v1/cohorts/{cohortId}/worksheets/{worksheetId}"] = [404, 404, 404, 200, 404],
        ["GET /api/v1/cohorts/{cohortId}/projects/{projectId}/charter"] = [404, 404, 404, 200, 404],
        ["GET /api/v1/cohorts/{cohortId}/sessions/{sessionId}/document"] = [404, 404, 200, 200, 200],
        ["GET /api/v1/cohorts/{cohortId}/sessions/{sessionId}/document.md"] = [404, 404, 200, 200, 200],
        ["POST /api/v1/cohorts/{cohortId}/sessions/{sessionId}/responses"] = [404, 404, 403, 201, 201],
        ["GET /api/v1/cohorts/{cohortId}/sessions/{sessionId}/questions"] = [404, 404, 200, 200, 200],
        ["POST /api/v1/cohorts/{cohortId}/sessions/{sessionId}/questions"] = [404, 404, 403, 201, 201],
        // The facilitator votes for the participant's question; the participant cannot vote for their own.
        ["POST /api/v1/cohorts/{cohortId}/sessions/{sessionId}/questions/{questionId}/vote"] =
        [
            404,
            404,
            403,
            422,
            200,
        ],
        ["POST /api/v1/cohorts/{cohortId}/sessions/{sessionId}/questions/{questionId}/answer"] =
        [
            404,
            404,
            403,
            403,
            200,
        ],
        ["GET /api/v1/cohorts/{cohortId}/feedback"] = [404, 404, 403, 403, 200],
        ["GET /api/v1/cohorts/{cohortId}/exports/members.{format}"] = [404, 404, 403, 403, 200],
        ["GET /api/v1/cohorts/{cohortId}/exports/attendance.{format}"] = [404, 404, 403, 403, 200],
        ["GET /api/v1/cohorts/{cohortId}/exports/feedback.{format}"] = [404, 404, 403, 403, 200],
        ["GET /api/v1/cohorts/{cohortId}/exports/questions.{format}"] = [404, 404, 403, 403, 200],
    };

    private static async Task<List<(string Method, string Path)>> OperationsAsync(HttpClient http)
    {
        var doc = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        return doc.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (m.Name.ToUpperInvariant(), p.Name)))
            .ToList();
    }

    [Fact]
    public async Task Document_EveryOperation_HasAPermissionCase()
    {
        var app = await apps.GetAsync("sqlite");
        using var http = app.CreateClient();
        var documented = (await OperationsAsync(http)).Select(o => $"{o.Method} {o.Path}").ToHashSet();
        Assert.Empty(documented.Except(Expected.Keys)); // an operation nobody wrote a permission case for
        Assert.Empty(Expected.Keys.Except(documented)); // a case for an operation the document no longer has
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryOperation_ByRole_AnswersAsThePagesWould(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
            clients[role] = await s.ClientAsAsync(role);
        var wrong = new List<string>();
        var asked = await clients["participant"].PostAsJsonAsync($"{s.SessionUrl}/questions", new { text = "Why?" });
        var questionId = (await ApiScenario.JsonAsync(asked)).GetProperty("id").GetGuid();
        foreach (var (method, path) in await OperationsAsync(clients["outsider"]))
        {
            var key = $"{method} {path}";
            var url = path.Replace("{cohortId}", s.S.CohortId.ToString())
                .Replace("{sessionId}", s.S.SessionId.ToString())
                .Replace("{projectId}", s.Project.ProjectId.ToString())
                .Replace("{worksheetId}", s.Project.WorksheetId.ToString())
                .Replace("{questionId}", questionId.ToString())
                .Replace("{slug}", "foundations")
                .Replace("{format}", "csv");
            for (var i = 0; i < Roles.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = BodyFor(key, s, Roles[i]),
                };
                using var response = await clients[Roles[i]].SendAsync(request);
                if ((int)response.StatusCode != Expected[key][i])
                    wrong.Add($"{key} as {Roles[i]}: {(int)response.StatusCode}, expected {Expected[key][i]}");
                else if (Expected[key][i] >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        foreach (var c in clients.Values)
            c.Dispose();
        Assert.Empty(wrong);
    }

    /// <summary>A valid body for each write, so only permission decides the answer.</summary>
    private static JsonContent? BodyFor(string key, ApiScenario s, string role) =>
        key switch
        {
            _ when key.EndsWith("/vote", StringComparison.Ordinal) => JsonContent.Create(new { up = true }),
            _ when key.EndsWith("/answer", StringComparison.Ordinal) => JsonContent.Create(
                new { answer = $"Answered by the {role}" }
            ),
            _ when key.EndsWith("/responses", StringComparison.Ordinal) => JsonContent.Create(
                new { sectionId = s.SectionId, text = $"From the {role}" }
            ),
            _ when key.EndsWith("/questions", StringComparison.Ordinal)
                    && key.StartsWith("POST", StringComparison.Ordinal) => JsonContent.Create(
                new { text = $"A question from the {role}" }
            ),
            _ when key.StartsWith("PUT", StringComparison.Ordinal) => JsonContent.Create(
                new { baseVersion = 1, data = new { purpose = $"Written by the {role}" } }
            ),
            _ => null,
        };
}
