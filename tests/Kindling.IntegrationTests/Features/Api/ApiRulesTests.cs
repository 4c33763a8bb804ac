using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>The API keeps the live room's and the editor's rules: anonymity, silent rounds, versions and merges, the
/// shapes of fields; exports name no anonymous author.</summary>
[Collection(SecondAppCollection.Name)]
public class ApiRulesTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Responses_AnonymousAndSilent_SeenAsTheRoomShowsThem(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        using var observer = await s.ClientAsAsync("observer");
        using var facilitator = await s.ClientAsAsync("facilitator");
        var anonymous = await participant.PostAsJsonAsync(
            $"{s.SessionUrl}/responses",
            new
            {
                sectionId = s.SectionId,
                text = "Nobody knows I wrote this",
                anonymous = true,
            }
        );
        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        var id = (await ApiScenario.JsonAsync(anonymous)).GetProperty("id").GetGuid();
        var silent = await participant.PostAsJsonAsync(
            $"{s.SessionUrl}/responses",
            new { sectionId = s.SilentSectionId, text = "My quiet thought" }
        );
        Assert.Equal(HttpStatusCode.Created, silent.StatusCode);

        var mine = Responses(await ApiScenario.JsonAsync(await participant.GetAsync($"{s.SessionUrl}/document")));
        Assert.True(mine.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("mine").GetBoolean());
        Assert.Contains(mine, r => r.GetProperty("text").GetString() == "My quiet thought");

        foreach (var reader in new[] { observer, facilitator })
        {
            var seen = Responses(await ApiScenario.JsonAsync(await reader.GetAsync($"{s.SessionUrl}/document")));
            var r = seen.Single(x => x.GetProperty("id").GetGuid() == id);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("authorName").ValueKind);
            Assert.False(r.GetProperty("mine").GetBoolean());
            Assert.DoesNotContain(seen, x => x.GetProperty("text").GetString() == "My quiet thought");
        }
        var markdown = await (await participant.GetAsync($"{s.SessionUrl}/document.md")).Content.ReadAsStringAsync();
        Assert.Contains("Nobody knows I wrote this", markdown);
        Assert.DoesNotContain("My quiet thought", markdown); // unrevealed: not even its author's download
        Assert.DoesNotContain(s.S.Users["participant"].DisplayName, markdown);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Worksheet_SaveMergeConflictAndBadShapes_FollowTheEditorsRules(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.ClientAsAsync("participant");
        var url = $"{s.CohortUrl}/worksheets/{s.Project.WorksheetId}";
        var sheet = await ApiScenario.JsonAsync(await owner.GetAsync(url));
        Assert.Equal(1, sheet.GetProperty("version").GetInt32());
        Assert.True(sheet.GetProperty("canEdit").GetBoolean());

        var first = await owner.PutAsJsonAsync(
            url,
            new { baseVersion = 1, data = new { purpose = "We grow food together" } }
        );
        Assert.Equal(2, (await ApiScenario.JsonAsync(first)).GetProperty("version").GetInt32());

        // Another edit made from version 1 that changes the same field: a conflict, nothing saved.
        var clash = await owner.PutAsJsonAsync(url, new { baseVersion = 1, data = new { purpose = "Something else" } });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("purpose", (await ApiScenario.JsonAsync(clash)).GetProperty("detail").GetString());

        var unknown = await owner.PutAsJsonAsync(url, new { baseVersion = 2, data = new { mission = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("has no field \"mission\"", Detail(await ApiScenario.JsonAsync(unknown)));
        var shape = await owner.PutAsJsonAsync(url, new { baseVersion = 2, data = new { stakeholders = "just text" } });
        Assert.Equal(HttpStatusCode.BadRequest, shape.StatusCode);
        Assert.Contains("not in the shape", Detail(await ApiScenario.JsonAsync(shape)));
        var tooLong = await owner.PutAsJsonAsync(
            url,
            new { baseVersion = 2, data = new { purpose = new string('a', 10_001) } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var now = await ApiScenario.JsonAsync(await owner.GetAsync(url));
        Assert.Equal(2, now.GetProperty("version").GetInt32());
        Assert.Equal("We grow food together", now.GetProperty("data").GetProperty("purpose").GetString());
        var versions = await s.App.WithDbAsync(db =>
            db.WorksheetVersions.CountAsync(v => v.WorksheetId == s.Project.WorksheetId)
        );
        Assert.Equal(2, versions);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exports_CsvAndJsonAgree_AnonymousAuthorsAreNeverNamed(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        using var facilitator = await s.ClientAsAsync("facilitator");
        await participant.PostAsJsonAsync($"{s.SessionUrl}/questions", new { text = "Who decides?", anonymous = true });
        await facilitator.PostAsJsonAsync($"{s.SessionUrl}/questions", new { text = "What is next?" });
        var questions = await ApiScenario.JsonAsync(
            await facilitator.GetAsync($"{s.CohortUrl}/exports/questions.json")
        );
        var anonymous = questions.EnumerateArray().Single(q => q.GetProperty("text").GetString() == "Who decides?");
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("author").ValueKind);
        var named = questions.EnumerateArray().Single(q => q.GetProperty("text").GetString() == "What is next?");
        Assert.Equal(s.S.Users["facilitator"].DisplayName, named.GetProperty("author").GetString());
        var csv = await facilitator.GetAsync($"{s.CohortUrl}/exports/questions.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("anonymous,Who decides?", text);
        Assert.DoesNotContain(s.S.Users["participant"].DisplayName, text);

        var members = await ApiScenario.JsonAsync(await facilitator.GetAsync($"{s.CohortUrl}/exports/members.json"));
        Assert.Contains(
            members.EnumerateArray(),
            m => m.GetProperty("email").GetString() == s.S.Users["observer"].Email
        );
        var attendance = await ApiScenario.JsonAsync(
            await facilitator.GetAsync($"{s.CohortUrl}/exports/attendance.json")
        );
        Assert.Equal(members.GetArrayLength(), attendance.GetArrayLength()); // one session: a row per person
        var wrong = await facilitator.GetAsync($"{s.CohortUrl}/exports/members.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("members.csv or members.json", await wrong.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Charter_EveryFormat_ComesFromTheProjectsWorksheets(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.ClientAsAsync("participant");
        var url = $"{s.CohortUrl}/projects/{s.Project.ProjectId}/charter";
        var json = await ApiScenario.JsonAsync(await owner.GetAsync(url));
        Assert.True(json.GetProperty("sections").GetArrayLength() > 0);
        var md = await owner.GetAsync(url + "?format=md");
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        var pdf = await (await owner.GetAsync(url + "?format=pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var docx = await (await owner.GetAsync(url + "?format=docx")).Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", Encoding.ASCII.GetString(docx, 0, 2));
        var odd = await owner.GetAsync(url + "?format=odt");
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Contains("json, md, pdf or docx", await odd.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Question_EmptyOrWhileLocked_IsRefusedWithAReason(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        var empty = await participant.PostAsJsonAsync($"{s.SessionUrl}/questions", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write your question", await empty.Content.ReadAsStringAsync());
        await s.App.WithDbAsync(db =>
            db.LiveDocuments.Where(d => d.SessionId == s.S.SessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUtc, DateTime.UtcNow))
        );
        var locked = await participant.PostAsJsonAsync($"{s.SessionUrl}/questions", new { text = "Still there?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Response_AddedThroughTheApi_ReachesTheLiveRoomInOrder(string provider)
    {
        var s = await ApiScenario.CreateAsync(await apps.GetAsync(provider));
        await using var room = await LiveClients.JoinAsync(s.S, "facilitator");
        using var participant = await s.ClientAsAsync("participant");
        var added = await ApiScenario.JsonAsync(
            await participant.PostAsJsonAsync(
                $"{s.SessionUrl}/responses",
                new { sectionId = s.SectionId, text = "Posted by our bot" }
            )
        );
        var seq = added.GetProperty("seq").GetInt64();
        await room.WaitForAsync(events => events.Any(e => e.Seq == seq && e.Type == EventTypes.ResponseAdded));
        Assert.Contains("Posted by our bot", room.AppliedEvents.Single(e => e.Seq == seq).Data.GetRawText());
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static List<JsonElement> Responses(JsonElement snapshot) =>
        snapshot.GetProperty("responses").EnumerateArray().ToList();
}
