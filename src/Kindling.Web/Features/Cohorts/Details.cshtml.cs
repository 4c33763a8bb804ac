using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

public class DetailsModel(KindlingDb db, ReadCache reads, TimeProvider clock, PublicUrls urls) : CohortPageModel
{
    public sealed record SessionRow(Guid Id, string LessonTitle, DateTime StartsUtc, int Minutes)
    {
        public DateTime EndsUtc => StartsUtc.AddMinutes(Minutes);
    }

    public sealed record MemberRow(string Name, string? Pronouns, CohortRole Role);

    public sealed record LessonRow(string Slug, string Title, string Status);

    public List<SessionRow> Sessions { get; private set; } = [];

    /// <summary>Members listed on the page unless all are asked for: a cohort of a thousand would make a long page
    /// for everyone.</summary>
    public const int MembersListed = 60;

    public List<MemberRow> Members { get; private set; } = [];
    public int MemberCount { get; private set; }

    [BindProperty(SupportsGet = true, Name = "members")]
    public string? MembersShown { get; set; }

    public bool AllMembers => MembersShown == "all";
    public List<LessonRow> Lessons { get; private set; } = [];
    public string GuidelinesHtml { get; private set; } = "";
    public string CodeOfConductHtml { get; private set; } = "";
    public string FeedUrl { get; private set; } = "";
    public DateTime Now { get; private set; }

    /// <summary>The sessions that have ended (Features/FollowUp), by id: notes and recording links.</summary>
    public Dictionary<Guid, SessionWrapUp> Ended { get; private set; } = [];

    private sealed record Read(
        List<SessionRow> Sessions,
        Dictionary<Guid, SessionWrapUp> Ended,
        List<MemberRow> Members,
        int MemberCount,
        List<LessonRow> Lessons
    );

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var c = Access.Cohort;
        // The same for every member: kept until a table it read is written (ReadCache).
        var read = await reads.GetAsync("cohort", "", (c.Id, c.CurriculumId, AllMembers), () => LoadAsync(c));
        (Sessions, Ended, Members, MemberCount, Lessons) = (
            read.Sessions,
            read.Ended,
            read.Members,
            read.MemberCount,
            read.Lessons
        );
        GuidelinesHtml = MarkdownRenderer.ToSafeHtml(c.Guidelines);
        CodeOfConductHtml = MarkdownRenderer.ToSafeHtml(c.CodeOfConduct);
        FeedUrl = urls.For($"/calendar/{c.CalendarToken}.ics");
    }

    private async Task<Read> LoadAsync(Cohort c)
    {
        var sessions = await db
            .Sessions.Where(s => s.CohortId == c.Id)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new SessionRow(
                s.Id,
                s.Lesson!.Title,
                s.StartsUtc,
                s.PresentationMinutes + s.DiscussionMinutes
            ))
            .ToListAsync();
        var ended = await db
            .SessionWrapUps.AsNoTracking()
            .Where(w => db.Sessions.Any(s => s.Id == w.SessionId && s.CohortId == c.Id))
            .ToDictionaryAsync(w => w.SessionId);
        var query = db
            .CohortMembers.Where(m => m.CohortId == c.Id)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(m.User!.DisplayName, m.User.Pronouns, m.Role));
        var members = await (AllMembers ? query : query.Take(MembersListed)).ToListAsync();
        var count =
            AllMembers || members.Count < MembersListed
                ? members.Count
                : await db.CohortMembers.CountAsync(m => m.CohortId == c.Id);
        var lessons = await db
            .Lessons.Where(l => l.CurriculumId == c.CurriculumId)
            .OrderBy(l => l.Order)
            .Select(l => new LessonRow(l.Slug, l.Title, l.Status))
            .ToListAsync();
        return new(sessions, ended, members, count, lessons);
    }

    public async Task<IActionResult> OnPostResetFeedAsync()
    {
        if (!Access.IsFacilitator)
            return StatusCode(403);
        Access.Cohort.CalendarToken = NewModel.NewCalendarToken();
        await db.SaveChangesAsync();
        TempData["Flash"] = "The calendar address was reset. Subscribe again with the new link below.";
        return Redirect($"/cohorts/{CohortId}");
    }
}
