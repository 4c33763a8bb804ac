using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// Walks every lesson of the built-in curriculum as a cohort would teach it, one session a week in lesson order: each
/// session page's agenda fills the lesson's hour, each reading is titled with an absolute https link, each lesson and
/// its template credit the original work, and each assignment's template makes a worksheet whose page shows every
/// field.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class BuiltInCurriculumWalkTests(Apps apps)
{
    private const string CreditTitle = "Foundational Community Building and Engagement Training";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryLesson_IsTeachable_AgendaReadingsCreditAndWorksheet(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        var sessions = await ScheduleEveryLessonAsync(s);
        Assert.Equal(8, sessions.Count);
        using var member = await s.ClientAsAsync("participant");

        foreach (var (sessionId, slug) in sessions)
        {
            var page = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{sessionId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var rows = page.Document.QuerySelectorAll("table.agenda tbody tr").ToList();
            var lessonMinutes = rows.Where(r => !r.TextContent.Contains("Open discussion and sharing insights"))
                .Sum(r => int.Parse(r.QuerySelectorAll("td")[3].TextContent, CultureInfo.InvariantCulture));
            Assert.True(lessonMinutes == 60, $"{slug}: the agenda adds up to {lessonMinutes} minutes, not 60");

            var lesson = await member.GetAsync($"/cohorts/{s.CohortId}/lessons/{slug}");
            Assert.Equal(HttpStatusCode.OK, lesson.Status);
            var readings = lesson.Document.QuerySelectorAll("section[aria-labelledby=readings] li a").ToList();
            Assert.True(readings.Count > 0, $"{slug} has no readings");
            Assert.All(
                readings,
                a =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(a.TextContent), $"{slug}: a reading without a title");
                    Assert.True(
                        Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out var u) && u.Scheme == "https",
                        $"{slug}: {a.GetAttribute("href")} is not an absolute https link"
                    );
                }
            );
            var credit = lesson.Document.QuerySelector(".attribution");
            Assert.NotNull(credit);
            Assert.Contains(CreditTitle, credit.TextContent);
            Assert.Contains(
                credit.QuerySelectorAll("a"),
                a => a.GetAttribute("href") == "https://creativecommons.org/licenses/by/4.0/"
            );
        }

        // Every assignment's template makes a worksheet: copied from the project page, its page shows every field and
        // the template's credit.
        var templates = await s.App.WithDbAsync(db =>
            db.AssignmentTemplates.Where(t =>
                    t.CurriculumId == db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CurriculumId).First()
                )
                .Select(t => t.Slug)
                .ToListAsync()
        );
        Assert.Equal(8, templates.Count);
        foreach (var template in templates)
        {
            var copied = await member.PostFormAsync(
                seed.ProjectUrl,
                new Dictionary<string, string> { ["template"] = template },
                seed.ProjectUrl + "?handler=Copy"
            );
            Assert.Equal(HttpStatusCode.Redirect, copied.Status);
            var worksheet = await member.GetAsync(copied.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, worksheet.Status);
            var fieldIds = await s.App.WithDbAsync(db =>
                db.Worksheets.Where(w => w.ProjectId == seed.ProjectId && w.TemplateSlug == template)
                    .Select(w => w.TemplateJson)
                    .SingleAsync()
            );
            var ids = Regex.Matches(fieldIds, "\"id\":\"([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(ids);
            Assert.All(ids, id => Assert.NotNull(worksheet.Document.QuerySelector($"#field-{id}")));
            Assert.Contains(CreditTitle, worksheet.Document.QuerySelector(".attribution")?.TextContent ?? "");
        }
    }

    /// <summary>Replaces the scenario's one session by a session per lesson, a week apart in lesson order.</summary>
    private static Task<List<(Guid Id, string Slug)>> ScheduleEveryLessonAsync(CohortScenario s) =>
        s.App.WithDbAsync(async db =>
        {
            var first = await db.Sessions.SingleAsync(x => x.Id == s.SessionId);
            var lessons = await db
                .Lessons.Where(l =>
                    l.CurriculumId == db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CurriculumId).First()
                )
                .OrderBy(l => l.Order)
                .ToListAsync();
            var list = new List<(Guid, string)> { (first.Id, lessons[0].Slug) };
            for (var i = 1; i < lessons.Count; i++)
            {
                var session = new Session
                {
                    CohortId = s.CohortId,
                    LessonId = lessons[i].Id,
                    StartsUtc = first.StartsUtc.AddDays(7 * i),
                    CreatedUtc = first.CreatedUtc,
                    UpdatedUtc = first.UpdatedUtc,
                };
                db.Sessions.Add(session);
                list.Add((session.Id, lessons[i].Slug));
            }
            await db.SaveChangesAsync();
            return list;
        });
}
