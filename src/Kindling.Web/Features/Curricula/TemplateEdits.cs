using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Saves an assignment template edited in the browser. The text must parse and keep its slug and its lesson, and the
/// person must have started from the template as it is saved now: when someone else saved in between, theirs stays and
/// this person is told, with their own text kept. Nothing is saved on any error. Worksheets already copied keep the
/// template they were made from; copies made afterwards take the new text.
/// </summary>
public sealed class TemplateEdits(KindlingDb db, TimeProvider clock)
{
    public abstract record Outcome;

    public sealed record Saved(string Title) : Outcome;

    public sealed record Unchanged : Outcome;

    public sealed record Invalid(IReadOnlyList<CurriculumError> Errors) : Outcome;

    /// <summary>Someone (or the shipped file) changed the template after this person opened it.</summary>
    public sealed record Conflict(string Message, string CurrentSource, DateTime CurrentStamp) : Outcome;

    /// <summary>What the template editor refuses: every parse error, then a changed slug or lesson.</summary>
    public static (WorksheetTemplate? Template, IReadOnlyList<CurriculumError> Errors) Check(
        AssignmentTemplate row,
        string source
    )
    {
        var (template, errors) = TemplateParser.Parse(row.FileName, source);
        if (template is null)
            return (null, errors);
        var problems = new List<CurriculumError>();
        if (template.Slug != row.Slug)
            problems.Add(
                new CurriculumError(
                    row.FileName,
                    PackageTemplates.LineOf(source, "slug"),
                    $"The slug must stay '{row.Slug}': the lesson's assignment and the worksheets copied from this "
                        + $"template point to it. Put 'slug: {row.Slug}' back."
                )
            );
        if (template.Lesson != row.LessonSlug)
            problems.Add(
                new CurriculumError(
                    row.FileName,
                    PackageTemplates.LineOf(source, "lesson"),
                    $"'lesson' must stay '{row.LessonSlug}': this template is that lesson's assignment. Put "
                        + $"'lesson: {row.LessonSlug}' back."
                )
            );
        return problems.Count > 0 ? (null, problems) : (template, []);
    }

    /// <param name="row">The template as loaded for this request.</param>
    /// <param name="startedFrom">The <see cref="AssignmentTemplate.UpdatedUtc"/> ticks the person's editor opened
    /// with.</param>
    public async Task<Outcome> SaveAsync(AssignmentTemplate row, string source, long startedFrom, string userId)
    {
        source = source.Replace("\r\n", "\n");
        if (source == row.Source)
            return new Unchanged();
        var (template, errors) = Check(row, source);
        if (template is null)
            return new Invalid(errors);
        if (row.UpdatedUtc.Ticks != startedFrom)
            return await ConflictAsync(row.Id);
        // The new stamp always moves on, even within one clock tick: the parsed-template cache and the next
        // person's concurrency check both go by it.
        var now = clock.GetUtcNow().UtcDateTime;
        if (now <= row.UpdatedUtc)
            now = row.UpdatedUtc.AddMilliseconds(1);
        var saved = await db
            .AssignmentTemplates.Where(t => t.Id == row.Id && t.UpdatedUtc == row.UpdatedUtc)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(t => t.Source, source)
                    .SetProperty(t => t.Title, template.Title)
                    .SetProperty(t => t.UpdatedUtc, now)
                    .SetProperty(t => t.EditedById, userId)
                    .SetProperty(t => t.EditedUtc, now)
            );
        return saved == 1 ? new Saved(template.Title) : await ConflictAsync(row.Id);
    }

    private async Task<Outcome> ConflictAsync(Guid id)
    {
        var now = await db
            .AssignmentTemplates.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Source,
                t.UpdatedUtc,
                t.EditedUtc,
                By = db.Users.Where(u => u.Id == t.EditedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync();
        var who = now.EditedUtc == now.UpdatedUtc && now.By is not null ? now.By : "Someone else";
        var how =
            now.EditedUtc == now.UpdatedUtc ? $"{who} saved this template" : "The template was replaced from its file";
        return new Conflict(
            $"{how} at {now.UpdatedUtc:d MMM yyyy HH:mm} UTC, after you opened it, so your change was not saved. "
                + "Your text is still in the editor and the template as saved now is shown below it: bring their "
                + "change into yours and save again (saving again replaces what is saved now).",
            now.Source,
            now.UpdatedUtc
        );
    }
}
