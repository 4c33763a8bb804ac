using System.Text;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>
/// The API driven from its own OpenAPI document (<see cref="OpenApiDriver"/>), as a script with a token would use it:
/// find your cohort, its session and worksheet, write into the session, save the worksheet, read back what changed,
/// and, as the facilitator, take the exports. Every answer is checked against what the document promises.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class ApiFromDocumentTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AParticipantsScript_AndAFacilitatorsExport_WorkAsDocumented(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var http = await s.ClientAsAsync("participant");
        var api = await OpenApiDriver.LoadAsync(http);

        var me = await api.CallAsync("getMe");
        Assert.Equal(s.S.Users["participant"].DisplayName, me.Json!.Value.GetProperty("displayName").GetString());
        var cohorts = (await api.CallAsync("listMyCohorts")).Json!.Value;
        var cohortId = cohorts.EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(s.S.CohortId, cohortId);
        var session = (await api.CallAsync("listSessions", new { cohortId })).Json!.Value.EnumerateArray().Single();
        var sessionId = session.GetProperty("id").GetGuid();
        Assert.True(session.GetProperty("documentOpen").GetBoolean());

        var document = (await api.CallAsync("getSessionDocument", new { cohortId, sessionId })).Json!.Value;
        var section = document
            .GetProperty("sections")
            .EnumerateArray()
            .First(x => !x.GetProperty("silent").GetBoolean() && x.GetProperty("kind").GetString() != "roll-call");
        var added = await api.CallAsync(
            "addResponse",
            new { cohortId, sessionId },
            new
            {
                sectionId = section.GetProperty("id").GetGuid(),
                text = "Our garden meets on Saturdays",
                clientKey = "script-1",
            }
        );
        Assert.Equal(201, added.Status);
        // The same change sent again with its key is stored once.
        var again = await api.CallAsync(
            "addResponse",
            new { cohortId, sessionId },
            new
            {
                sectionId = section.GetProperty("id").GetGuid(),
                text = "Our garden meets on Saturdays",
                clientKey = "script-1",
            }
        );
        Assert.Equal(added.Json!.Value.GetProperty("id").GetGuid(), again.Json!.Value.GetProperty("id").GetGuid());
        var markdown = await api.CallAsync("getSessionDocumentMarkdown", new { cohortId, sessionId });
        Assert.Equal(1, CountOf(Encoding.UTF8.GetString(markdown.Body), "Our garden meets on Saturdays"));

        Assert.Equal(
            201,
            (await api.CallAsync("askQuestion", new { cohortId, sessionId }, new { text = "Who waters?" })).Status
        );
        var questions = (await api.CallAsync("listQuestions", new { cohortId, sessionId })).Json!.Value;
        Assert.Contains(
            questions.GetProperty("questions").EnumerateArray(),
            q => q.GetProperty("text").GetString() == "Who waters?" && q.GetProperty("mine").GetBoolean()
        );

        var project = (await api.CallAsync("listProjects", new { cohortId })).Json!.Value.EnumerateArray().Single();
        Assert.True(project.GetProperty("iManage").GetBoolean());
        var projectId = project.GetProperty("id").GetGuid();
        var sheets = (await api.CallAsync("listProjectWorksheets", new { cohortId, projectId })).Json!.Value;
        var worksheetId = sheets.EnumerateArray().Single().GetProperty("id").GetGuid();
        var sheet = (await api.CallAsync("getWorksheet", new { cohortId, worksheetId })).Json!.Value;
        var saved = await api.CallAsync(
            "saveWorksheet",
            new { cohortId, worksheetId },
            new { baseVersion = sheet.GetProperty("version").GetInt32(), data = new { purpose = "Feed the street" } }
        );
        Assert.Equal(2, saved.Json!.Value.GetProperty("version").GetInt32());
        var stale = await api.CallAsync(
            "saveWorksheet",
            new { cohortId, worksheetId },
            new { baseVersion = 1, data = new { purpose = "Feed the town" } }
        );
        Assert.Equal(409, stale.Status);
        Assert.Equal("application/problem+json", stale.ContentType);
        var charter = await api.CallAsync(
            "getCharter",
            new { cohortId, projectId },
            query: new Dictionary<string, string> { ["format"] = "md" }
        );
        Assert.Equal(200, charter.Status);

        using var facilitatorHttp = await s.ClientAsAsync("facilitator");
        var facilitator = await OpenApiDriver.LoadAsync(facilitatorHttp);
        var asked = (await facilitator.CallAsync("listQuestions", new { cohortId, sessionId }))
            .Json!.Value.GetProperty("questions")
            .EnumerateArray()
            .Single(q => q.GetProperty("text").GetString() == "Who waters?");
        var questionId = asked.GetProperty("id").GetGuid();
        Assert.Equal(
            200,
            (
                await facilitator.CallAsync(
                    "voteQuestion",
                    new
                    {
                        cohortId,
                        sessionId,
                        questionId,
                    },
                    new { up = true }
                )
            ).Status
        );
        var answered = await facilitator.CallAsync(
            "answerQuestion",
            new
            {
                cohortId,
                sessionId,
                questionId,
            },
            new { answer = "The rota on the shed door" }
        );
        Assert.Equal(200, answered.Status);
        var seen = (await api.CallAsync("listQuestions", new { cohortId, sessionId }))
            .Json!.Value.GetProperty("questions")
            .EnumerateArray()
            .Single(q => q.GetProperty("id").GetGuid() == questionId);
        Assert.Equal("The rota on the shed door", seen.GetProperty("answer").GetString());
        Assert.Equal(1, seen.GetProperty("votes").GetInt32());
        var ownVote = await api.CallAsync(
            "voteQuestion",
            new
            {
                cohortId,
                sessionId,
                questionId,
            },
            new { up = true }
        );
        Assert.Equal(422, ownVote.Status); // nobody votes for their own question

        var attendance = await facilitator.CallAsync("exportAttendance", new { cohortId, format = "json" });
        Assert.Equal(4, attendance.Json!.Value.GetArrayLength()); // four members (the seed's peer too), one session
        var feedback = await facilitator.CallAsync("getFeedbackSummary", new { cohortId });
        Assert.Equal(sessionId, feedback.Json!.Value.EnumerateArray().Single().GetProperty("sessionId").GetGuid());
        var members = await facilitator.CallAsync("listMembers", new { cohortId });
        Assert.All(members.Json!.Value.EnumerateArray(), m => Assert.NotNull(m.GetProperty("email").GetString()));
        var asParticipant = await api.CallAsync("listMembers", new { cohortId });
        Assert.All(
            asParticipant.Json!.Value.EnumerateArray(),
            m => Assert.Equal(JsonValueKind.Null, m.GetProperty("email").ValueKind)
        );
        var refused = await api.CallAsync("exportMembers", new { cohortId, format = "csv" });
        Assert.Equal(403, refused.Status);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
