using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// A lesson as it reads now, with the feedback every cohort gave on it grouped by the version taught. Like every
/// curriculum page it is for facilitators of the instance, who may edit lessons: they mark which version answers
/// which delta. Feedback is shown without names.
/// </summary>
public class LessonModel(KindlingDb db, LessonCache cache, TimeProvider clock) : PageModel
{
    public Curriculum Curriculum { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public int CurrentVersion { get; private set; }
    public LessonFeedback Feedback { get; private set; } = new([]);
    public string? AnswerError { get; private set; }

    /// <summary>The slug of the lesson's assignment template, if it has one.</summary>
    public string? TemplateSlug { get; private set; }
    private string LessonUrl => $"/curricula/{Curriculum.Slug}/lessons/{Lesson.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug) =>
        await LoadAsync(slug, lessonSlug) ? Page() : NotFound();

    /// <summary>Marks the ticked deltas (feedback on earlier versions) as answered by version
    /// <paramref name="answeredBy"/>.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(
        string slug,
        string lessonSlug,
        List<Guid> feedbackIds,
        int answeredBy
    )
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        var version = await db.LessonVersions.FirstOrDefaultAsync(v =>
            v.LessonId == Lesson.Id && v.Number == answeredBy
        );
        var ticked = Feedback.All.Where(f => feedbackIds.Contains(f.Id)).ToList();
        AnswerError =
            version is null ? "Pick the version of this lesson that answers the ticked deltas."
            : feedbackIds.Count == 0 ? "Tick at least one delta to mark it as answered."
            : ticked.Count != feedbackIds.Distinct().Count()
                ? "Some of the ticked feedback is not about this lesson. Reload the page and tick again."
            : ticked.FirstOrDefault(f => f.Delta.Length == 0) is not null
                ? "Only a delta (what should be different) can be answered; one ticked response has none."
            : ticked.FirstOrDefault(f => !(f.Version < answeredBy)) is { } late
                ? $"Version {answeredBy} can only answer feedback on earlier versions; one ticked delta is about "
                    + $"{(late.Version is { } n ? $"version {n}" : "a session not tied to a version")}."
            : null;
        if (AnswerError is not null)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = CohortAccess.UserId(User)!;
        foreach (var f in ticked.Where(f => !f.AnsweredBy.Contains(answeredBy)))
            db.LessonVersionAnswers.Add(
                new LessonVersionAnswer
                {
                    LessonVersionId = version!.Id,
                    FeedbackId = f.Id,
                    MarkedUtc = now,
                    MarkedById = userId,
                }
            );
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"Marked {ticked.Count} {(ticked.Count == 1 ? "delta" : "deltas")} as answered by version {answeredBy}.";
        return Redirect(LessonUrl + "#feedback");
    }

    public async Task<IActionResult> OnPostUnanswerAsync(string slug, string lessonSlug, Guid feedbackId, int version)
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        var removed = await db
            .LessonVersionAnswers.Where(a =>
                a.FeedbackId == feedbackId
                && db.LessonVersions.Any(v =>
                    v.Id == a.LessonVersionId && v.LessonId == Lesson.Id && v.Number == version
                )
            )
            .ExecuteDeleteAsync();
        TempData["Flash"] = removed > 0 ? $"The delta is no longer marked as answered by version {version}." : null;
        return Redirect(LessonUrl + "#feedback");
    }

    private async Task<bool> LoadAsync(string slug, string lessonSlug)
    {
        if (await db.FindLessonAsync(slug, lessonSlug) is not var (curriculum, lesson))
            return false;
        (Curriculum, Lesson) = (curriculum, lesson);
        Html = LessonHtml.Render(cache.Get(lesson), curriculum.Attribution);
        CurrentVersion = await db.LessonVersions.Where(v => v.LessonId == lesson.Id).MaxAsync(v => (int?)v.Number) ?? 0;
        Feedback = await LessonFeedback.LoadAsync(db, lesson.Id);
        TemplateSlug = await db
            .AssignmentTemplates.Where(t => t.CurriculumId == curriculum.Id && t.LessonSlug == lesson.Slug)
            .OrderBy(t => t.Slug)
            .Select(t => t.Slug)
            .FirstOrDefaultAsync();
        return true;
    }
}
