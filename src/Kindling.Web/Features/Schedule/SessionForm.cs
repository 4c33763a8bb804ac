using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

/// <summary>Shared by the schedule and edit pages: facilitators only, times entered in the cohort's zone.</summary>
public abstract class SessionFormModel(KindlingDb db, LessonVersions versions) : CohortPageModel
{
    protected KindlingDb Db { get; } = db;
    protected override bool FacilitatorsOnly => true;

    [BindProperty]
    public SessionInput Input { get; set; } = new();
    public List<Lesson> Lessons { get; private set; } = [];
    public SessionFieldsView Fields => new(Input, Lessons, Access.Cohort.TimeZoneId);

    protected async Task LoadLessonsAsync() =>
        Lessons = await Db
            .Lessons.Where(l => l.CurriculumId == Access.Cohort.CurriculumId)
            .OrderBy(l => l.Order)
            .ToListAsync();

    /// <summary>
    /// <see cref="TryApply"/>, then ties the session to the version of its lesson the cohort teaches (its pin). A
    /// session whose live document exists keeps the lesson and version it taught.
    /// </summary>
    protected async Task<bool> TryApplyAsync(Session session, DateTime nowUtc, bool isNew)
    {
        var opened = !isNew && await Db.LiveDocuments.AnyAsync(d => d.SessionId == session.Id);
        var lessonChanged = session.LessonId != Input.LessonId;
        if (opened && lessonChanged)
        {
            ModelState.AddModelError(
                "Input.LessonId",
                "This session has been opened in the live room, so it keeps the lesson it taught. Schedule a new "
                    + "session for another lesson."
            );
            return false;
        }
        if (!TryApply(session, nowUtc))
            return false;
        if (!opened && (lessonChanged || session.LessonVersionId is null))
            session.LessonVersionId = await versions.PinAsync(CohortId, session.LessonId);
        return true;
    }

    /// <summary>Checks the lesson belongs to the cohort's curriculum and the local time exists; copies the input onto
    /// the session.</summary>
    protected bool TryApply(Session session, DateTime nowUtc)
    {
        var lessonId = Input.LessonId ?? Guid.Empty;
        if (Lessons.All(l => l.Id != lessonId))
            ModelState.AddModelError("Input.LessonId", "Pick a lesson of this cohort's curriculum.");
        if (!ModelState.IsValid)
            return false;
        var local = Input.Date!.Value.ToDateTime(Input.Time!.Value);
        if (!TimeZones.TryToUtc(local, Access.Cohort.TimeZoneId, out var startsUtc))
        {
            ModelState.AddModelError(
                "Input.Time",
                $"{local:HH:mm} does not exist on {local:d MMM yyyy} in {Access.Cohort.TimeZoneId} (the clocks skip "
                    + $"it). Pick another time."
            );
            return false;
        }
        session.LessonId = lessonId;
        if (session.StartsUtc != startsUtc)
        {
            // Moved: the reminders are due again, for the new time (Reminders/SessionReminders.cs).
            session.DayReminderUtc = null;
            session.HourReminderUtc = null;
        }
        session.StartsUtc = startsUtc;
        session.PresentationMinutes = Input.PresentationMinutes;
        session.DiscussionMinutes = Input.DiscussionMinutes;
        session.JoinUrl = string.IsNullOrWhiteSpace(Input.JoinUrl) ? null : Input.JoinUrl.Trim();
        session.NotesUrl = string.IsNullOrWhiteSpace(Input.NotesUrl) ? null : Input.NotesUrl.Trim();
        session.SlidesUrl = string.IsNullOrWhiteSpace(Input.SlidesUrl) ? null : Input.SlidesUrl.Trim();
        session.Recording = Input.Recording;
        session.UpdatedUtc = nowUtc;
        return true;
    }
}
