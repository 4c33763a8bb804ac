using System.Text;
using Kindling.Data;
using Kindling.Web.Features.Cohorts;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>The session document as Markdown: a heading per activity, each prompt, responses as bullets, then the
/// Q&amp;A.</summary>
public static class ExportMarkdown
{
    public static void MapDocumentExport(this IEndpointRouteBuilder app) =>
        app.MapCohortGroup()
            .MapGet(
                "/sessions/{sessionId:guid}/document.md",
                async (Guid sessionId, CurrentCohort cohort, KindlingDb db, LessonCache lessons) =>
                {
                    var zone = await db
                        .Users.Where(u => u.Id == cohort.Membership.Member.UserId)
                        .Select(u => u.TimeZoneId)
                        .FirstAsync();
                    var doc = await ExportDocument.LoadAsync(db, lessons, cohort.CohortId, sessionId, zone);
                    if (doc is null)
                        return Results.NotFound();
                    var name = $"session-{doc.StartsUtc:yyyy-MM-dd}.md";
                    return Results.File(Encoding.UTF8.GetBytes(Write(doc)), "text/markdown; charset=utf-8", name);
                }
            )
            .RequireRateLimiting(RateLimits.Export);

    private static string LinkTarget(string url) =>
        url.Replace("(", "%28").Replace(")", "%29").Replace(" ", "%20").Replace("<", "%3C").Replace(">", "%3E");

    /// <summary>Everything people wrote (and every name and title) enters as <see cref="Md"/>: it stays text.</summary>
    public static string Write(ExportDocument d)
    {
        var md = new MarkdownWriter()
            .Heading(1, d.LessonTitle)
            .Paragraph(d.CohortName + Md.Own(", " + TimeZones.Format(d.StartsUtc, d.ReaderZone)));
        var number = 0;
        foreach (var a in d.Activities)
        {
            md.Heading(2, Md.Own($"{++number}. ") + a.Title);
            foreach (var s in a.Sections)
            {
                if (s.GroupTitle is not null)
                    md.Heading(3, s.GroupTitle);
                md.Quote(Md.Lines(s.Prompt));
                if (s.SilentNotRevealed)
                    md.Paragraph(Md.Own("_Written in silence; not revealed yet._"));
                else if (s.Responses.Count == 0)
                    md.Paragraph(Md.Own("_No responses._"));
                // Who wrote it is said in one way Kindling alone writes: a name in bold, or "Anonymous" in italics.
                md.List(
                    s.Responses.Select(r =>
                        (r.AuthorName is null ? Md.Own("_Anonymous:_") : Md.Bold(r.AuthorName + Md.Own(":")))
                        + Md.Own(" ")
                        + Md.Lines(r.Text)
                    )
                );
            }
        }
        md.Heading(2, Md.Own("Questions and answers"));
        if (d.Questions.Count == 0)
            md.Paragraph(Md.Own("_No questions were asked._"));
        md.List(
            d.Questions.Select(q => new MarkdownWriter.Item(
                Md.Lines(q.Text)
                    + Md.Own($" ({q.Votes} {(q.Votes == 1 ? "vote" : "votes")}")
                    + (q.AuthorName is null ? Md.Own(", asked anonymously") : Md.Own(", asked by ") + q.AuthorName)
                    + Md.Own(")"),
                [q.Answer is null ? Md.Own("_Not answered yet._") : Md.Own("Answer: ") + Md.Lines(q.Answer)]
            ))
        );
        // The lesson file's credit: its texts escaped like anyone's, the addresses (https, checked by the parser)
        // with the characters that would end a Markdown link encoded.
        if (d.Credit is { } c)
            md.Paragraph(Md.Own("---"))
                .Paragraph(
                    Md.Own("Adapted from “[")
                        + c.Title
                        + Md.Own($"]({LinkTarget(c.Source)})” by ")
                        + c.Author
                        + Md.Own(", licensed [")
                        + c.Licence
                        + Md.Own($"]({LinkTarget(c.LicenceUrl)}).")
                        + (c.Changes.Length > 0 ? Md.Own(" ") + c.Changes : Md.Own(""))
                );
        return md.ToString();
    }
}
