using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets.Fields;
using static Kindling.IntegrationTests.Features.Overview.OverviewArrange;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>
/// One cohort with two held sessions and an upcoming one, four people at every stage of the assignment, feedback,
/// questions, concern reports and a peer-feedback round: the overview page and its downloads show each as a
/// facilitator needs it, and never what a private worksheet holds.
/// </summary>
[Collection(AppCollection.Name)]
public class OverviewContentTests(Apps apps)
{
    private sealed record Arranged(Guid S1, Guid S2, Guid SharedWorksheet, string Marker, int Fields);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Overview_ShowsAttendanceProgressFeedbackAndTracking_NeverPrivateWorksheetContent(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var a = await ArrangeAsync(s);
        using var fac = await s.ClientAsAsync("facilitator");
        var page = await fac.GetAsync(Url(s));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var doc = page.Document;

        // Attendance: presence, roll call, and a facilitator's mark over presence (both ways); the upcoming session
        // is greyed; totals per person and per session; each column links to the session's attendance page.
        Assert.Equal(["present", "absent", "upcoming", "1 of 2"], Row(doc, "attendance", "Ana Ashby"));
        Assert.Equal(["absent", "present", "upcoming", "1 of 2"], Row(doc, "attendance", "Ben Brook"));
        Assert.Equal(["present", "absent", "upcoming", "1 of 2"], Row(doc, "attendance", "Cai Cole"));
        var anaS2 = RowOf(doc, "attendance", "Ana Ashby").QuerySelectorAll("td")[1];
        Assert.Contains("corrected by a facilitator", anaS2.TextContent);
        Assert.Contains("50 min", RowOf(doc, "attendance", "Ana Ashby").QuerySelectorAll("td")[0].TextContent);
        Assert.Equal(
            ["2", "1", "", ""],
            doc.QuerySelectorAll("#attendance tfoot td").Select(td => td.TextContent.Trim())
        );
        Assert.NotNull(
            doc.QuerySelector($"#attendance thead a[href='/cohorts/{s.CohortId}/sessions/{a.S1}/attendance']")
        );

        // Assignments: one person at each state, with the share of fields filled.
        var template = await FirstTemplateAsync(s.App);
        var column =
            doc.QuerySelectorAll("#assignments thead th")
                .Select(th => th.TextContent.Trim())
                .ToList()
                .IndexOf(template.Title) - 1;
        string State(string person) =>
            RowOf(doc, "assignments", person).QuerySelectorAll("td")[column].TextContent.Trim();
        var percent = (int)Math.Round(200.0 / a.Fields, MidpointRounding.AwayFromZero);
        Assert.Equal("Not started", State("Ana Ashby"));
        Assert.Equal("Copied", State("Ben Brook"));
        Assert.Equal($"Being filled ({percent}%)", State("Cai Cole"));
        Assert.Equal("Shared", State("Dee Dunn"));
        Assert.Equal(["3", "1", "1", "1"], Row(doc, "assignment-counts", template.Title));

        // Feedback: counts per question, the average rating, anonymity as the cohort allows.
        Assert.Equal(["2", "2", "0", "0", "0", "1", "1", "3.0 (2)"], Row(doc, "feedback-counts", "S1"));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "0", "5.0 (1)"], Row(doc, "feedback-counts", "S2"));
        var texts = doc.QuerySelector(".feedback-texts")!.TextContent;
        Assert.Contains("Anonymous", texts);
        Assert.Contains("Quiet round", texts);
        Assert.DoesNotContain("Cai Cole", texts);

        // Charts with their text alternatives.
        var charts = doc.QuerySelectorAll("svg[role=img]");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector("desc")?.TextContent)));
        Assert.Contains("2 of 6 (33%) present", doc.QuerySelector("#chart-attendance desc")!.TextContent);
        Assert.Contains("3.0 of 5 from 2 ratings", doc.QuerySelector("#chart-ratings desc")!.TextContent);

        // Open questions, open concerns (a count only), peer feedback states.
        var question = Assert.Single(doc.QuerySelectorAll(".open-questions li"));
        Assert.Contains("Where are the slides?", question.TextContent);
        Assert.NotNull(question.QuerySelector($"a[href='/cohorts/{s.CohortId}/sessions/{a.S1}']"));
        Assert.StartsWith("2 open reports", doc.QuerySelector("#open-concerns")!.TextContent.Trim());
        Assert.DoesNotContain("Concern text", page.Text);
        var peer = doc.QuerySelectorAll(".peer-round tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ToList();
        Assert.Equal(
            [
                ["1", "Ana Ashby", "Dee Dunn", "Feedback given, 1 open"],
                ["1", "Ben Brook", "Dee Dunn", "Waiting for feedback"],
                ["1", "Cai Cole", "Dee Dunn", "Resolved"],
            ],
            peer
        );
        Assert.Contains(
            "3 requests: 2 given, 1 resolved",
            Regex.Replace(doc.QuerySelector(".peer-round .meta")!.TextContent, @"\s+", " ")
        );
        Assert.NotNull(
            doc.QuerySelector($".peer-round a[href='/cohorts/{s.CohortId}/worksheets/{a.SharedWorksheet}']")
        );

        // Downloads: the same counts; the private worksheet's title and values appear nowhere.
        var csv = await fac.Http.GetStringAsync(Url(s, ".csv"));
        var md = await fac.Http.GetStringAsync(Url(s, ".md"));
        Assert.Contains("Ana Ashby,Participant,present,absent (corrected),,1 of 2,Not started", csv);
        Assert.Contains($"Cai Cole,Participant,present,absent,,1 of 2,Being filled ({percent}%)", csv);
        Assert.Contains("S1,", csv);
        Assert.Contains("Open concern reports,2", csv);
        Assert.Contains("| Ana Ashby | present | absent | not yet | 1 of 2 |", md);
        var feedback = md[
            md.IndexOf("## Feedback", StringComparison.Ordinal)..md.IndexOf(
                "## Open questions",
                StringComparison.Ordinal
            )
        ];
        Assert.Contains("_Anonymous_ (rated 2 of 5)", feedback);
        Assert.DoesNotContain("Cai Cole", feedback);
        foreach (var text in new[] { page.Text, csv, md })
            Assert.DoesNotContain(a.Marker, text);
    }

    private static IElement RowOf(IDocument doc, string table, string header) =>
        doc.QuerySelectorAll($"#{table} tbody tr")
            .First(tr =>
                tr.QuerySelector("th")?.TextContent.Trim().StartsWith(header, StringComparison.Ordinal) == true
            );

    /// <summary>The data cells of a row: a class name for attendance marks, otherwise the text.</summary>
    private static List<string> Row(IDocument doc, string table, string header) =>
        RowOf(doc, table, header)
            .QuerySelectorAll("td")
            .Select(td => table == "attendance" && td.ClassName is { Length: > 0 } c ? c : td.TextContent.Trim())
            .ToList();

    private static async Task<Arranged> ArrangeAsync(CohortScenario s)
    {
        var template = await FirstTemplateAsync(s.App);
        var prose = template.Fields.Where(f => f.Type is FieldTypes.LongText or FieldTypes.Text).ToList();
        var marker = $"PRIVATE-{Guid.NewGuid():N}";
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var fac = s.Users["facilitator"].Id;
        return await s.App.WithDbAsync(async db =>
        {
            var p = await MembersAsync(db, s.CohortId, now, "Ana Ashby", "Ben Brook", "Cai Cole", "Dee Dunn");
            var (ana, ben, cai, dee) = (p["Ana Ashby"].Id, p["Ben Brook"].Id, p["Cai Cole"].Id, p["Dee Dunn"].Id);
            var held = await HeldSessionsAsync(db, s.CohortId, now, 2);
            var (s1, s2) = (held[0].Id, held[1].Id);
            db.Attendance.AddRange(
                new Kindling.Domain.Attendance
                {
                    SessionId = s1,
                    UserId = ana,
                    FirstJoinedUtc = now.AddDays(-14),
                    Minutes = 50,
                },
                new Kindling.Domain.Attendance
                {
                    SessionId = s2,
                    UserId = ana,
                    FirstJoinedUtc = now.AddDays(-7),
                    Minutes = 2,
                    Mark = AttendanceMark.Absent,
                    CorrectedById = fac,
                    CorrectedUtc = now,
                },
                new Kindling.Domain.Attendance
                {
                    SessionId = s2,
                    UserId = ben,
                    Mark = AttendanceMark.Present,
                    Note = "joined by phone",
                    CorrectedById = fac,
                    CorrectedUtc = now,
                },
                new Kindling.Domain.Attendance
                {
                    SessionId = s1,
                    UserId = cai,
                    RollCallUtc = now.AddDays(-14),
                }
            );
            Copy(db, s.CohortId, p["Ben Brook"], template, now);
            var secret = Copy(
                db,
                s.CohortId,
                p["Cai Cole"],
                template,
                now,
                d =>
                {
                    d.Set(prose[0].Id, $"{marker} how we began");
                    d.Set(prose[1].Id, $"{marker} why");
                }
            );
            secret.Title = $"{marker} our own title";
            var shared = Copy(db, s.CohortId, p["Dee Dunn"], template, now, d => d.Set(prose[0].Id, "Our story"));
            shared.SharedUtc = now;
            db.SessionFeedback.AddRange(
                Feedback(s1, ana, now, worked: "The pairs", delta: "More time", rating: 4),
                Feedback(s1, cai, now, worked: "Quiet round", plus: "Kind hosts", rating: 2, anonymous: true),
                Feedback(s2, ben, now, rating: 5)
            );
            db.LiveQuestions.AddRange(
                new LiveQuestion
                {
                    SessionId = s1,
                    AuthorId = ana,
                    Text = "Where are the slides?",
                    CreatedUtc = now,
                },
                new LiveQuestion
                {
                    SessionId = s1,
                    AuthorId = ben,
                    Text = "Answered already",
                    AnsweredUtc = now,
                    Answer = "Yes",
                    CreatedUtc = now,
                },
                new LiveQuestion
                {
                    SessionId = s2,
                    AuthorId = ben,
                    Text = "Deleted",
                    Deleted = true,
                    CreatedUtc = now,
                }
            );
            db.ConcernReports.AddRange(
                Concern(s.CohortId, ConcernStatus.New, ConcernAudience.Facilitators, now),
                Concern(s.CohortId, ConcernStatus.InProgress, ConcernAudience.Facilitators, now),
                Concern(s.CohortId, ConcernStatus.Resolved, ConcernAudience.Facilitators, now),
                Concern(s.CohortId, ConcernStatus.New, ConcernAudience.SafetyContacts, now)
            );
            var round = new PeerRound
            {
                CohortId = s.CohortId,
                TemplateSlug = template.Slug,
                CreatedUtc = now.AddDays(-3),
                CreatedById = fac,
            };
            db.PeerRounds.Add(round);
            foreach (var reviewer in new[] { ana, ben, cai })
                db.PeerReviews.Add(
                    new PeerReview
                    {
                        RoundId = round.Id,
                        GroupNumber = 1,
                        ReviewerId = reviewer,
                        WorksheetId = shared.Id,
                        RequestedUtc = now.AddDays(-3),
                    }
                );
            db.WorksheetComments.AddRange(
                new WorksheetComment
                {
                    WorksheetId = shared.Id,
                    AuthorId = ana,
                    Body = "Nice",
                    CreatedUtc = now,
                },
                new WorksheetComment
                {
                    WorksheetId = shared.Id,
                    AuthorId = ben,
                    Body = "Before the request",
                    CreatedUtc = now.AddDays(-5),
                },
                new WorksheetComment
                {
                    WorksheetId = shared.Id,
                    AuthorId = cai,
                    Body = "Done",
                    CreatedUtc = now,
                    ResolvedUtc = now,
                    ResolvedById = dee,
                }
            );
            await db.SaveChangesAsync();
            return new Arranged(s1, s2, shared.Id, marker, template.Fields.Count());
        });
    }

    internal static SessionFeedback Feedback(
        Guid session,
        string author,
        DateTime now,
        string worked = "",
        string plus = "",
        string delta = "",
        int? rating = null,
        bool anonymous = false
    ) =>
        new()
        {
            SessionId = session,
            AuthorId = author,
            Worked = worked,
            Plus = plus,
            Delta = delta,
            Rating = rating,
            Anonymous = anonymous,
            CreatedUtc = now,
            UpdatedUtc = now,
        };

    private static ConcernReport Concern(Guid cohortId, ConcernStatus status, ConcernAudience audience, DateTime now) =>
        new()
        {
            CohortId = cohortId,
            Status = status,
            Audience = audience,
            What = "Concern text nobody else may read",
            FiledUtc = now,
            ReceiptHash = Guid.NewGuid().ToString("N"),
        };
}
