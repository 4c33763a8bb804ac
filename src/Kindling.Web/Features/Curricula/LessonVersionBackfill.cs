using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Brings data stored before lesson versions existed in line, on every start and idempotently: a lesson without
/// versions gets version 1 from its source, every cohort a pin to the current version of each lesson of its
/// curriculum it has none for, and every session without a version its cohort's pin. It runs before the built-in
/// files are synced, so existing cohorts keep teaching what they taught while changed files arrive as newer versions.
/// </summary>
public sealed class LessonVersionBackfill(KindlingDb db, TimeProvider clock, ILogger<LessonVersionBackfill> log)
    : IStartupTask
{
    public const string Note = "Recorded when lesson versions began.";

    public async Task RunAsync()
    {
        // Past the first start with lesson versions there is nothing to do: one query proves it, where the steps
        // below would run (and, at start-up, first compile) three.
        if (!await AnythingToDoAsync())
            return;
        await SaveOrYieldAsync(AddFirstVersionsAsync, "first versions of lessons");
        await SaveOrYieldAsync(AddPinsAsync, "cohort pins");
        var filled = await db
            .Sessions.Where(s => s.LessonVersionId == null)
            .ExecuteUpdateAsync(x =>
                x.SetProperty(
                    s => s.LessonVersionId,
                    s =>
                        db.CohortLessonPins.Where(p => p.CohortId == s.CohortId && p.LessonId == s.LessonId)
                            .Select(p => (Guid?)p.LessonVersionId)
                            .FirstOrDefault()
                )
            );
        if (filled > 0)
            log.LogInformation("Tied {Count} sessions to the lesson version their cohort teaches", filled);
    }

    private Task<bool> AnythingToDoAsync() =>
        db
            .Lessons.Where(l => !db.LessonVersions.Any(v => v.LessonId == l.Id))
            .Select(l => l.Id)
            .Concat(MissingPins().Select(x => x.LessonId))
            .Concat(db.Sessions.Where(s => s.LessonVersionId == null).Select(s => s.Id))
            .AnyAsync();

    private IQueryable<CohortLesson> MissingPins() =>
        db
            .Cohorts.Join(
                db.Lessons,
                c => c.CurriculumId,
                l => l.CurriculumId,
                (c, l) => new CohortLesson { CohortId = c.Id, LessonId = l.Id }
            )
            .Where(x => !db.CohortLessonPins.Any(p => p.CohortId == x.CohortId && p.LessonId == x.LessonId));

    private sealed class CohortLesson
    {
        public Guid CohortId { get; init; }
        public Guid LessonId { get; init; }
    }

    private async Task<int> AddFirstVersionsAsync()
    {
        var lessons = await db
            .Lessons.Where(l => !db.LessonVersions.Any(v => v.LessonId == l.Id))
            .Select(l => new { Lesson = l, db.Curricula.First(c => c.Id == l.CurriculumId).IsBuiltIn })
            .ToListAsync();
        foreach (var x in lessons)
        {
            var origin = x.IsBuiltIn ? VersionOrigins.BuiltIn : VersionOrigins.Import;
            db.LessonVersions.Add(LessonVersions.NewVersion(x.Lesson, 1, origin, x.Lesson.UpdatedUtc, null, Note));
        }
        return lessons.Count;
    }

    private async Task<int> AddPinsAsync()
    {
        var missing = await MissingPins().ToListAsync();
        if (missing.Count == 0)
            return 0;
        var lessonIds = missing.Select(m => m.LessonId).Distinct().ToList();
        var current = (
            await db
                .LessonVersions.Where(v => lessonIds.Contains(v.LessonId))
                .Select(v => new
                {
                    v.LessonId,
                    v.Id,
                    v.Number,
                })
                .ToListAsync()
        ).GroupBy(v => v.LessonId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in missing.Where(m => current.ContainsKey(m.LessonId)))
            db.CohortLessonPins.Add(
                new CohortLessonPin
                {
                    CohortId = m.CohortId,
                    LessonId = m.LessonId,
                    LessonVersionId = current[m.LessonId],
                    PinnedUtc = now,
                }
            );
        return missing.Count;
    }

    /// <summary>Another instance starting at the same moment may save the same rows first (they clash on their
    /// keys): then its rows stand and this one goes on.</summary>
    private async Task SaveOrYieldAsync(Func<Task<int>> add, string what)
    {
        try
        {
            if (await add() is > 0 and var count)
            {
                await db.SaveChangesAsync();
                log.LogInformation("Added {Count} {What}", count, what);
            }
        }
        catch (DbUpdateException e)
        {
            log.LogWarning(e, "The {What} were added by another instance", what);
            db.ChangeTracker.Clear();
        }
    }
}
