using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>Where a lesson version came from (<see cref="LessonVersion.Origin"/>).</summary>
public static class VersionOrigins
{
    public const string Import = "import";
    public const string Edit = "edit";
    public const string Restore = "restore";
    public const string BuiltIn = "built-in";

    /// <summary>Versions that came from files: the built-in sync compares the shipped file with the newest of
    /// these.</summary>
    public static readonly string[] FromFiles = [Import, BuiltIn];

    public static string Label(string origin) =>
        origin switch
        {
            Import => "Imported",
            Edit => "Edited in the browser",
            Restore => "Restored",
            BuiltIn => "Built-in files",
            _ => origin,
        };
}

/// <summary>
/// Every saved state of a lesson and the version each cohort teaches. A change to a lesson adds a version and copies
/// it to <see cref="Lesson.Source"/>; a cohort is pinned to a version per lesson (<see cref="CohortLessonPin"/>), and
/// its sessions take the pin when they are scheduled.
/// </summary>
public sealed class LessonVersions(KindlingDb db, TimeProvider clock, ILogger<LessonVersions> log)
{
    /// <summary>
    /// Adds the lesson's current source (already set on <paramref name="lesson"/>) as its next version; the caller
    /// saves. The number is one past the highest stored: two saves at once clash on the unique number and one fails.
    /// </summary>
    public async Task<LessonVersion> AddAsync(
        Lesson lesson,
        string origin,
        string? byUserId,
        string note = "",
        int? restoredFrom = null
    )
    {
        var last = await db.LessonVersions.Where(v => v.LessonId == lesson.Id).MaxAsync(v => (int?)v.Number) ?? 0;
        var version = NewVersion(lesson, last + 1, origin, clock.GetUtcNow().UtcDateTime, byUserId, note);
        version.RestoredFrom = restoredFrom;
        db.LessonVersions.Add(version);
        return version;
    }

    public static LessonVersion NewVersion(
        Lesson lesson,
        int number,
        string origin,
        DateTime now,
        string? byUserId = null,
        string note = ""
    ) =>
        new()
        {
            LessonId = lesson.Id,
            Number = number,
            Title = lesson.Title,
            FileName = lesson.FileName,
            Source = lesson.Source,
            CreatedUtc = now,
            CreatedById = byUserId,
            Origin = origin,
            Note = note,
        };

    /// <summary>The lesson's newest version (the one <see cref="Lesson.Source"/> copies).</summary>
    public Task<LessonVersion?> CurrentAsync(Guid lessonId) =>
        db.LessonVersions.Where(v => v.LessonId == lessonId).OrderByDescending(v => v.Number).FirstOrDefaultAsync();

    /// <summary>
    /// The version the cohort teaches of the lesson: its pin, made now from the current version when it has none
    /// (saved at once; a pin made at the same moment by another request wins and is returned).
    /// </summary>
    public async Task<Guid> PinAsync(Guid cohortId, Guid lessonId)
    {
        var pinned = await PinnedAsync(cohortId, lessonId);
        if (pinned is not null)
            return pinned.Value;
        var current = await CurrentAsync(lessonId) ?? await FirstVersionAsync(lessonId);
        var pin = new CohortLessonPin
        {
            CohortId = cohortId,
            LessonId = lessonId,
            LessonVersionId = current.Id,
            PinnedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CohortLessonPins.Add(pin);
        try
        {
            await db.SaveChangesAsync();
            return current.Id;
        }
        catch (DbUpdateException e)
        {
            log.LogInformation(
                e,
                "Cohort {CohortId} was pinned to a version of {LessonId} concurrently",
                cohortId,
                lessonId
            );
            db.Entry(pin).State = EntityState.Detached;
            return await PinnedAsync(cohortId, lessonId) ?? throw new InvalidOperationException("Pin vanished.", e);
        }
    }

    private Task<Guid?> PinnedAsync(Guid cohortId, Guid lessonId) =>
        db
            .CohortLessonPins.Where(p => p.CohortId == cohortId && p.LessonId == lessonId)
            .Select(p => (Guid?)p.LessonVersionId)
            .FirstOrDefaultAsync();

    /// <summary>A lesson stored before versions existed and not yet backfilled: its source becomes version 1.</summary>
    private async Task<LessonVersion> FirstVersionAsync(Guid lessonId)
    {
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        return await AddAsync(lesson, VersionOrigins.Import, null, LessonVersionBackfill.Note);
    }

    /// <summary>Pins a new cohort to the current version of every lesson of its curriculum; the caller
    /// saves.</summary>
    public async Task PinAllAsync(Guid cohortId, Guid curriculumId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = await db
            .LessonVersions.Where(v => db.Lessons.Any(l => l.Id == v.LessonId && l.CurriculumId == curriculumId))
            .Select(v => new
            {
                v.LessonId,
                v.Id,
                v.Number,
            })
            .ToListAsync();
        var current = versions.GroupBy(v => v.LessonId).Select(g => g.MaxBy(v => v.Number)!);
        foreach (var v in current)
            db.CohortLessonPins.Add(
                new CohortLessonPin
                {
                    CohortId = cohortId,
                    LessonId = v.LessonId,
                    LessonVersionId = v.Id,
                    PinnedUtc = now,
                }
            );
    }

    /// <summary>
    /// Moves the cohort to <paramref name="version"/> of its lesson: the pin, and the sessions that have not started
    /// and whose live document does not exist. Held or opened sessions keep the version they taught. Returns the
    /// number of sessions moved.
    /// </summary>
    public async Task<int> MoveCohortAsync(Guid cohortId, LessonVersion version)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pin = await db.CohortLessonPins.FirstOrDefaultAsync(p =>
            p.CohortId == cohortId && p.LessonId == version.LessonId
        );
        if (pin is null)
            db.CohortLessonPins.Add(
                new CohortLessonPin
                {
                    CohortId = cohortId,
                    LessonId = version.LessonId,
                    LessonVersionId = version.Id,
                    PinnedUtc = now,
                }
            );
        else
            (pin.LessonVersionId, pin.PinnedUtc) = (version.Id, now);
        await db.SaveChangesAsync();
        return await db
            .Sessions.Where(s =>
                s.CohortId == cohortId
                && s.LessonId == version.LessonId
                && s.StartsUtc > now
                && !db.LiveDocuments.Any(d => d.SessionId == s.Id)
            )
            .ExecuteUpdateAsync(x => x.SetProperty(s => s.LessonVersionId, version.Id));
    }
}
