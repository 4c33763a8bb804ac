using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The session document as one reader may keep it, for the Markdown download and the printable page. It shows less
/// than any screen would: hidden responses and unrevealed silent ones are left out, and anonymous contributions carry
/// no name for anyone.
/// </summary>
public sealed record ExportDocument(
    string CohortName,
    string LessonTitle,
    DateTime StartsUtc,
    string ReaderZone,
    IReadOnlyList<ExportActivity> Activities,
    IReadOnlyList<ExportQuestion> Questions,
    Credit? Credit = null
)
{
    /// <summary>The document, with the credit of the lesson version the session taught.</summary>
    public static async Task<ExportDocument?> LoadAsync(
        KindlingDb db,
        LessonCache lessons,
        Guid cohortId,
        Guid sessionId,
        string readerZone
    )
    {
        var document = await LoadAsync(db, cohortId, sessionId, readerZone);
        if (document is null)
            return null;
        var taught = await db.Sessions.AsNoTracking().WithLesson().SingleAsync(s => s.Id == sessionId);
        return document with { Credit = lessons.Of(taught).Credit };
    }

    private static async Task<ExportDocument?> LoadAsync(
        KindlingDb db,
        Guid cohortId,
        Guid sessionId,
        string readerZone
    )
    {
        var session = await db
            .Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.CohortId == cohortId)
            .Select(s => new
            {
                s.StartsUtc,
                Lesson = s.Lesson!.Title,
                Cohort = s.Cohort!.Name,
            })
            .FirstOrDefaultAsync();
        if (session is null || !await db.LiveDocuments.AnyAsync(d => d.SessionId == sessionId))
            return null;
        var sections = await db
            .LiveSections.AsNoTracking()
            .Where(s => s.SessionId == sessionId)
            .OrderBy(s => s.Position)
            .ToListAsync();
        var responses = await db
            .LiveResponses.AsNoTracking()
            .Where(r => r.SessionId == sessionId && !r.Deleted && !r.Hidden)
            .OrderByDescending(r => r.Pinned)
            .ThenBy(r => r.CreatedUtc)
            .Select(r => new
            {
                r.SectionId,
                r.Anonymous,
                r.Text,
                Name = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var questions = await db
            .LiveQuestions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && !q.Deleted)
            .OrderByDescending(q => q.Votes)
            .ThenBy(q => q.CreatedUtc)
            .Select(q => new
            {
                q.Anonymous,
                q.Text,
                q.Votes,
                q.Answer,
                q.AnsweredUtc,
                Name = db.Users.Where(u => u.Id == q.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();

        var activities = sections
            .GroupBy(s => s.ActivityIndex)
            .OrderBy(g => g.Min(s => s.Position))
            .Select(g =>
            {
                var heading = g.FirstOrDefault(s => s.GroupId is null)?.Title ?? g.First().Title;
                return new ExportActivity(
                    heading,
                    g.Select(s => new ExportSection(
                            s.GroupId is null ? null : s.Title,
                            s.Prompt,
                            // An unrevealed silent prompt exports without its responses, even the reader's own.
                            s.AwaitingReveal
                                ? []
                                : responses
                                    .Where(r => r.SectionId == s.Id)
                                    .Select(r => new ExportResponse(
                                        AnonymousAuthors.Public(r.Anonymous, r.Name),
                                        r.Text
                                    ))
                                    .ToList(),
                            s.AwaitingReveal
                        ))
                        .ToList()
                );
            })
            .ToList();
        return new ExportDocument(
            session.Cohort,
            session.Lesson,
            session.StartsUtc,
            readerZone,
            activities,
            questions
                .Select(q => new ExportQuestion(
                    AnonymousAuthors.Public(q.Anonymous, q.Name),
                    q.Text,
                    q.Votes,
                    q.AnsweredUtc is not null ? q.Answer : null
                ))
                .ToList()
        );
    }
}

public sealed record ExportActivity(string Title, IReadOnlyList<ExportSection> Sections);

/// <summary><see cref="GroupTitle"/> is set on a breakout group's notes.</summary>
public sealed record ExportSection(
    string? GroupTitle,
    string Prompt,
    IReadOnlyList<ExportResponse> Responses,
    bool SilentNotRevealed
);

/// <summary><see cref="AuthorName"/> is null for an anonymous response.</summary>
public sealed record ExportResponse(string? AuthorName, string Text);

public sealed record ExportQuestion(string? AuthorName, string Text, int Votes, string? Answer);
