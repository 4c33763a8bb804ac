using System.Text.Json.Nodes;
using Kindling.Domain;
using Kindling.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PersonalData;

public sealed partial class PersonalRecords
{
    /// <summary>The projects the person manages, each worksheet with its frozen template, its data and every saved
    /// version (who else saved one is not named).</summary>
    public async Task<List<object>> ProjectsAsync(string userId)
    {
        var projects = await (
            from m in db.ProjectMembers
            join p in db.Projects on m.ProjectId equals p.Id
            join c in db.Cohorts on p.CohortId equals c.Id
            where m.UserId == userId
            orderby p.CreatedUtc
            select new
            {
                P = p,
                Cohort = c.Name,
                m.Role,
                m.AddedUtc,
            }
        )
            .AsNoTracking()
            .ToListAsync();
        var ids = projects.Select(p => p.P.Id).ToList();
        var worksheets = await db
            .Worksheets.AsNoTracking()
            .Where(w => ids.Contains(w.ProjectId))
            .OrderBy(w => w.CreatedUtc)
            .ToListAsync();
        var sheetIds = worksheets.Select(w => w.Id).ToList();
        var versions = (
            await db
                .WorksheetVersions.AsNoTracking()
                .Where(v => sheetIds.Contains(v.WorksheetId))
                .OrderBy(v => v.Number)
                .ToListAsync()
        ).ToLookup(v => v.WorksheetId);
        return
        [
            .. projects.Select(x => new
            {
                project = x.P.Name,
                cohort = x.Cohort,
                x.P.Description,
                yourRole = x.Role,
                youManageItSinceUtc = x.AddedUtc,
                x.P.CreatedUtc,
                x.P.CharterPublishedUtc,
                publishedCharter = Json(x.P.PublishedCharterJson),
                worksheets = worksheets
                    .Where(w => w.ProjectId == x.P.Id)
                    .Select(w => new
                    {
                        w.Title,
                        template = w.TemplateSlug,
                        lesson = w.LessonSlug,
                        templateAsCopied = Json(w.TemplateJson),
                        data = Json(w.DataJson),
                        version = w.Version,
                        sharedWithTheCohortUtc = w.SharedUtc,
                        w.CreatedUtc,
                        w.UpdatedUtc,
                        versions = versions[w.Id]
                            .Select(v => new
                            {
                                v.Number,
                                v.SavedUtc,
                                savedByYou = v.SavedById == userId,
                                v.Label,
                                v.RestoredFrom,
                                data = Json(v.DataJson),
                            }),
                    }),
            }),
        ];
    }

    public Task<List<object>> CommentsAsync(string userId) =>
        Listed(
            from c in db.WorksheetComments
            join w in db.Worksheets on c.WorksheetId equals w.Id
            join p in db.Projects on w.ProjectId equals p.Id
            where c.AuthorId == userId
            orderby c.CreatedUtc
            select new
            {
                project = p.Name,
                worksheet = w.Title,
                field = c.FieldId,
                c.Body,
                c.CreatedUtc,
                c.ResolvedUtc,
            }
        );

    public async Task<object> PeerFeedbackAsync(string userId) =>
        new
        {
            reviewsAskedOfYou = await Listed(
                from r in db.PeerReviews
                join round in db.PeerRounds on r.RoundId equals round.Id
                join w in db.Worksheets on r.WorksheetId equals w.Id
                join p in db.Projects on w.ProjectId equals p.Id
                where r.ReviewerId == userId
                orderby r.RequestedUtc
                select new
                {
                    cohort = db.Cohorts.Where(c => c.Id == round.CohortId).Select(c => c.Name).FirstOrDefault(),
                    project = p.Name,
                    worksheet = w.Title,
                    groupNumber = r.GroupNumber,
                    r.RequestedUtc,
                    round.DueUtc,
                    reminderUtc = r.ReminderUtc,
                }
            ),
            worksheetsYouWereAskedToRead = await Listed(
                from r in db.WorksheetReviewers
                join w in db.Worksheets on r.WorksheetId equals w.Id
                join p in db.Projects on w.ProjectId equals p.Id
                where r.UserId == userId
                orderby r.RequestedUtc
                select new
                {
                    project = p.Name,
                    worksheet = w.Title,
                    r.RequestedUtc,
                }
            ),
        };

    public async Task<object> MessagesAsync(string userId) =>
        new
        {
            emailChoices = await Listed(
                db.NotificationPreferences.Where(p => p.UserId == userId)
                    .OrderBy(p => p.Kind)
                    .Select(p => new { p.Kind, email = p.Delivery })
            ),
            notifications = await Listed(
                db.Notifications.Where(n => n.UserId == userId)
                    .OrderBy(n => n.CreatedUtc)
                    .Select(n => new
                    {
                        n.Kind,
                        n.Title,
                        n.Body,
                        n.Link,
                        n.CreatedUtc,
                        n.ReadUtc,
                    })
            ),
            emails = await Listed(
                db.Outbox.Where(o => o.UserId == userId)
                    .OrderBy(o => o.CreatedUtc)
                    .Select(o => new
                    {
                        o.Kind,
                        to = o.ToAddress,
                        o.Subject,
                        o.State,
                        o.CreatedUtc,
                        o.SentUtc,
                    })
            ),
        };

    /// <summary>Reports filed by name, with what the reporter sees of each trail. An anonymous report was filed
    /// without a name and is never tied to anyone, so none is here.</summary>
    public async Task<List<object>> ConcernsAsync(string userId)
    {
        var reports = await db
            .ConcernReports.AsNoTracking()
            .Where(r => r.ReporterId == userId && !r.Anonymous)
            .OrderBy(r => r.FiledUtc)
            .ToListAsync();
        var list = new List<object>();
        foreach (var report in reports)
        {
            var v = await ConcernView.LoadAsync(db, report);
            list.Add(
                new
                {
                    cohort = v.CohortName,
                    session = v.SessionTitle,
                    sessionStartsUtc = v.SessionStartsUtc,
                    report.What,
                    report.PeopleInvolved,
                    readBy = v.Audience,
                    status = v.Status,
                    report.FiledUtc,
                    trail = v.ForReporter.Select(e => new
                    {
                        e.AtUtc,
                        what = ConcernView.DescribeForReporter(e),
                        e.Text,
                    }),
                }
            );
        }
        return list;
    }

    /// <summary>Names and dates only: a token's secret was shown once, and its hash is never exported.</summary>
    public Task<List<object>> TokensAsync(string userId) =>
        Listed(
            db.ApiTokens.Where(t => t.UserId == userId)
                .OrderBy(t => t.CreatedUtc)
                .Select(t => new
                {
                    t.Name,
                    t.Scope,
                    cohort = db.Cohorts.Where(c => c.Id == t.CohortId).Select(c => c.Name).FirstOrDefault(),
                    t.CreatedUtc,
                    t.ExpiresUtc,
                    t.LastUsedUtc,
                })
        );

    /// <summary>Stored JSON as JSON in the file (not a string inside a string); null stays null.</summary>
    private static JsonNode? Json(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
