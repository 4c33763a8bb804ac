using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PersonalData;

/// <summary>
/// Everything Kindling holds about one person, one file of the download per method, read as the person's own:
/// anonymous contributions included (they are theirs), other people's words and names left out. What each file holds
/// is explained in <see cref="PersonalDataReadme"/>.
/// </summary>
public sealed partial class PersonalRecords(KindlingDb db)
{
    public async Task<object> ProfileAsync(string userId)
    {
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == userId);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            orderby r.Name
            select r.Name
        ).ToListAsync();
        return new
        {
            accountId = u.Id,
            u.DisplayName,
            u.Email,
            u.EmailConfirmed,
            u.Pronouns,
            u.Title,
            u.Organisation,
            u.SocialHandles,
            u.Feeling,
            timeZone = u.TimeZoneId,
            u.CreatedUtc,
            u.TwoFactorEnabled,
            instanceRoles = roles,
            personalCalendarFeedOn = u.CalendarToken is not null,
            u.LastDigestUtc,
        };
    }

    public Task<List<object>> CohortsAsync(string userId) =>
        Listed(
            from m in db.CohortMembers
            join c in db.Cohorts on m.CohortId equals c.Id
            where m.UserId == userId
            orderby m.JoinedUtc
            select new
            {
                cohort = c.Name,
                role = m.Role,
                m.JoinedUtc,
                guidelinesAcknowledgedUtc = m.AcknowledgedUtc,
                m.PeerFeedbackAcrossCohorts,
            }
        );

    public Task<List<object>> ResponsesAsync(string userId) =>
        Listed(
            from r in db.LiveResponses
            join s in db.Sessions on r.SessionId equals s.Id
            join x in db.LiveSections on r.SectionId equals x.Id
            where r.AuthorId == userId
            orderby r.CreatedUtc
            select new
            {
                cohort = s.Cohort!.Name,
                session = s.Lesson!.Title,
                sessionStartsUtc = s.StartsUtc,
                activity = x.Title,
                prompt = x.Prompt,
                r.Text,
                r.Anonymous,
                hiddenByAFacilitator = r.Hidden,
                r.Pinned,
                deletedByYou = r.Deleted,
                r.CreatedUtc,
                r.UpdatedUtc,
            }
        );

    public async Task<object> QuestionsAsync(string userId) =>
        new
        {
            asked = await Listed(
                from q in db.LiveQuestions
                join s in db.Sessions on q.SessionId equals s.Id
                where q.AuthorId == userId
                orderby q.CreatedUtc
                select new
                {
                    cohort = s.Cohort!.Name,
                    session = s.Lesson!.Title,
                    sessionStartsUtc = s.StartsUtc,
                    q.Text,
                    q.Anonymous,
                    q.Votes,
                    q.Answer,
                    q.AnsweredUtc,
                    deletedByYou = q.Deleted,
                    q.CreatedUtc,
                }
            ),
            votedFor = await Listed(
                from v in db.LiveQuestionVotes
                join q in db.LiveQuestions on v.QuestionId equals q.Id
                join s in db.Sessions on q.SessionId equals s.Id
                where v.UserId == userId
                orderby v.AtUtc
                select new
                {
                    cohort = s.Cohort!.Name,
                    session = s.Lesson!.Title,
                    sessionStartsUtc = s.StartsUtc,
                    question = q.Deleted ? null : q.Text,
                    votedUtc = v.AtUtc,
                }
            ),
        };

    public Task<List<object>> FeedbackAsync(string userId) =>
        Listed(
            from f in db.SessionFeedback
            join s in db.Sessions on f.SessionId equals s.Id
            where f.AuthorId == userId
            orderby f.CreatedUtc
            select new
            {
                cohort = s.Cohort!.Name,
                session = s.Lesson!.Title,
                sessionStartsUtc = s.StartsUtc,
                f.Anonymous,
                f.Rating,
                whatWorked = f.Worked,
                whatDidNotWork = f.DidNotWork,
                whatYouWouldChange = f.WouldChange,
                whatSurprisedYou = f.Surprised,
                f.Plus,
                f.Delta,
                f.CreatedUtc,
                f.UpdatedUtc,
            }
        );

    public async Task<object> AttendanceAsync(string userId) =>
        new
        {
            sessions = (
                await (
                    from a in db.Attendance.AsNoTracking()
                    join s in db.Sessions on a.SessionId equals s.Id
                    where a.UserId == userId
                    orderby s.StartsUtc
                    select new
                    {
                        A = a,
                        Cohort = s.Cohort!.Name,
                        Session = s.Lesson!.Title,
                        s.StartsUtc,
                    }
                ).ToListAsync()
            ).Select(x => new
            {
                cohort = x.Cohort,
                session = x.Session,
                sessionStartsUtc = x.StartsUtc,
                present = x.A.Present,
                x.A.FirstJoinedUtc,
                x.A.LastSeenUtc,
                minutesConnected = x.A.Minutes,
                answeredRollCallUtc = x.A.RollCallUtc,
                facilitatorsMark = x.A.Mark,
                facilitatorsNote = x.A.Note,
                x.A.CorrectedUtc,
            }),
            breakoutGroups = await Listed(
                from m in db.BreakoutMembers
                join g in db.BreakoutGroups on m.GroupId equals g.Id
                join s in db.Sessions on g.SessionId equals s.Id
                where m.UserId == userId
                orderby m.AssignedUtc
                select new
                {
                    cohort = s.Cohort!.Name,
                    session = s.Lesson!.Title,
                    sessionStartsUtc = s.StartsUtc,
                    groupName = g.Name,
                    placedUtc = m.AssignedUtc,
                }
            ),
        };

    /// <summary>The rows as plain objects, for the JSON writer.</summary>
    private static async Task<List<object>> Listed<T>(IQueryable<T> query)
        where T : class => [.. await query.AsNoTracking().ToListAsync()];
}
