using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Every cohort the person may open as a facilitator (the cohort check's own rule, <see cref="CohortRules.Judge"/>:
/// admitted, facilitating, two-factor where the cohort asks for it; an instance admin sees no other cohort), grouped
/// by curriculum, in a fixed number of queries.
/// </summary>
public sealed class CurriculumOverviewQuery(KindlingDb db, ConcernReaders concerns, TimeProvider clock)
{
    public async Task<IReadOnlyList<CurriculumOverview>> LoadAsync(string userId)
    {
        var cohorts = await FacilitatedAsync(userId);
        if (cohorts.Count == 0)
            return [];
        var ids = cohorts.Select(c => c.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db
            .Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.CohortId))
            .Select(s => new
            {
                s.Id,
                s.CohortId,
                s.StartsUtc,
                s.LessonId,
                s.Lesson!.Title,
                s.Lesson.Order,
                Opened = db.LiveDocuments.Any(d => d.SessionId == s.Id),
            })
            .ToListAsync();
        var held = sessions.Where(s => Session.Held(s.StartsUtc, s.Opened, now)).ToList();
        var heldIds = held.Select(s => s.Id).ToList();
        var people = (
            await db
                .CohortMembers.AsNoTracking()
                .Where(m => ids.Contains(m.CohortId) && m.Role != CohortRole.Facilitator)
                .Select(m => new { m.CohortId, m.UserId })
                .ToListAsync()
        ).ToLookup(m => m.CohortId, m => m.UserId);
        var present = (await db.Attendance.AsNoTracking().Where(a => heldIds.Contains(a.SessionId)).ToListAsync())
            .Where(a => a.Present)
            .ToLookup(a => a.SessionId, a => a.UserId);
        var ratings = (
            await db
                .SessionFeedback.AsNoTracking()
                .Where(f => heldIds.Contains(f.SessionId))
                .Select(f => new { f.SessionId, f.Rating })
                .ToListAsync()
        ).ToLookup(f => f.SessionId, f => f.Rating is >= 1 and <= 5 ? f.Rating : null);
        var allIds = sessions.Select(s => s.Id).ToList();
        var questions = (
            await db
                .LiveQuestions.AsNoTracking()
                .Where(q => allIds.Contains(q.SessionId) && !q.Deleted && q.AnsweredUtc == null)
                .Select(q => q.SessionId)
                .ToListAsync()
        )
            .CountBy(id => id)
            .ToDictionary();
        var copies = await db
            .Worksheets.AsNoTracking()
            .Where(w => ids.Contains(w.CohortId))
            .GroupBy(w => w.CohortId)
            .Select(g => new
            {
                g.Key,
                Copies = g.Count(),
                Shared = g.Count(w => w.SharedUtc != null),
            })
            .ToDictionaryAsync(g => g.Key);
        var readable = await concerns.ReadableAsync(userId);
        var open = (
            await readable.Where(r => ids.Contains(r.CohortId)).Select(r => new { r.CohortId, r.Status }).ToListAsync()
        )
            .Where(r => !ConcernWorkflow.IsClosed(r.Status))
            .CountBy(r => r.CohortId)
            .ToDictionary();

        int Present(Guid sessionId, Guid cohortId) => present[sessionId].Intersect(people[cohortId]).Count();

        return cohorts
            .GroupBy(c => (c.CurriculumId, c.Curriculum!.Title))
            .OrderBy(g => g.Key.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(g =>
            {
                var mine = g.Select(c => c.Id).ToHashSet();
                var heldHere = held.Where(s => mine.Contains(s.CohortId)).ToList();
                var rows = g.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                    .Select(c =>
                    {
                        var own = heldHere.Where(s => s.CohortId == c.Id).ToList();
                        var rated = own.SelectMany(s => ratings[s.Id]).OfType<int>().ToList();
                        var count = copies.GetValueOrDefault(c.Id);
                        return new CohortSummary(
                            c.Id,
                            c.Name,
                            people[c.Id].Count(),
                            sessions.Count(s => s.CohortId == c.Id),
                            own.Count,
                            own.Sum(s => Present(s.Id, c.Id)),
                            own.Count * people[c.Id].Count(),
                            own.Sum(s => ratings[s.Id].Count()),
                            rated.Count,
                            rated.Sum(),
                            count?.Copies ?? 0,
                            count?.Shared ?? 0,
                            sessions.Where(s => s.CohortId == c.Id).Sum(s => questions.GetValueOrDefault(s.Id)),
                            open.GetValueOrDefault(c.Id)
                        );
                    })
                    .ToList();
                var lessons = heldHere
                    .GroupBy(s => (s.LessonId, s.Title, s.Order))
                    .OrderBy(l => l.Key.Order)
                    .Select(l =>
                    {
                        var rated = l.SelectMany(s => ratings[s.Id]).OfType<int>().ToList();
                        return new LessonSummary(
                            l.Key.Title,
                            l.Key.Order,
                            l.Select(s => s.CohortId).Distinct().Count(),
                            l.Sum(s => Present(s.Id, s.CohortId)),
                            l.Sum(s => people[s.CohortId].Count()),
                            rated.Count,
                            rated.Sum()
                        );
                    })
                    .ToList();
                return new CurriculumOverview(g.Key.CurriculumId, g.Key.Title, rows, lessons);
            })
            .ToList();
    }

    /// <summary>The cohorts whose pages the cohort check would open to this person as a facilitator.</summary>
    private async Task<List<Cohort>> FacilitatedAsync(string userId)
    {
        var members = await db
            .CohortMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == CohortRole.Facilitator)
            .ToListAsync();
        if (members.Count == 0)
            return [];
        var ids = members.Select(m => m.CohortId).ToList();
        var cohorts = await db
            .Cohorts.AsNoTracking()
            .Include(c => c.Curriculum)
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id);
        var twoFactor = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync();
        return members
            .Where(m =>
                CohortRules.Judge(new Membership(cohorts[m.CohortId], m, twoFactor), CohortNeed.Facilitator)
                == CohortVerdict.Allowed
            )
            .Select(m => cohorts[m.CohortId])
            .ToList();
    }
}
