using System.Text;
using Kindling.Data;
using Kindling.Web.Features.Cohorts;
using Kindling.Web.Infrastructure;
using static Kindling.Web.Infrastructure.MarkdownText;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>The session document as Markdown: a heading per activity, each prompt, responses as bullets, then the Q&amp;A.</summary>
public static class ExportMarkdown
{
    public static void MapDocumentExport(this IEndpointRouteBuilder app) =>
        app.MapCohortGroup().MapGet("/sessions/{sessionId:guid}/document.md",
            async (Guid sessionId, CurrentCohort cohort, KindlingDb db) =>
            {
                var zone = await db.Users.Where(u => u.Id == cohort.Membership.Member.UserId)
                    .Select(u => u.TimeZoneId).FirstAsync();
                var doc = await ExportDocument.LoadAsync(db, cohort.CohortId, sessionId, zone);
                if (doc is null) return Results.NotFound();
                var name = $"session-{doc.StartsUtc:yyyy-MM-dd}.md";
                return Results.File(Encoding.UTF8.GetBytes(Write(doc)), "text/markdown; charset=utf-8", name);
            }).RequireRateLimiting(RateLimits.Export);

    /// <summary>Everything people wrote (and every name and title) goes through <see cref="MarkdownText"/>: it stays text.</summary>
    public static string Write(ExportDocument d)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(d.LessonTitle));
        md.AppendLine().Append(Inline(d.CohortName)).Append(", ").AppendLine(TimeZones.Format(d.StartsUtc, d.ReaderZone));
        var number = 0;
        foreach (var a in d.Activities)
        {
            md.AppendLine().Append("## ").Append(++number).Append(". ").AppendLine(Inline(a.Title));
            foreach (var s in a.Sections)
            {
                md.AppendLine();
                if (s.GroupTitle is not null) md.Append("### ").AppendLine(Inline(s.GroupTitle)).AppendLine();
                foreach (var line in Block(s.Prompt).Split('\n')) md.Append("> ").AppendLine(line);
                md.AppendLine();
                if (s.SilentNotRevealed) md.AppendLine("_Written in silence; not revealed yet._");
                else if (s.Responses.Count == 0) md.AppendLine("_No responses._");
                // Who wrote it is said in one way Kindling alone writes: a name in bold, or "Anonymous" in italics.
                foreach (var r in s.Responses)
                    md.Append("- ").Append(r.AuthorName is null ? "_Anonymous:_ " : $"**{Inline(r.AuthorName)}:** ").AppendLine(ListItem(r.Text));
            }
        }
        md.AppendLine().AppendLine("## Questions and answers").AppendLine();
        if (d.Questions.Count == 0) md.AppendLine("_No questions were asked._");
        foreach (var q in d.Questions)
        {
            md.Append("- ").Append(ListItem(q.Text)).Append(" (").Append(q.Votes).Append(q.Votes == 1 ? " vote" : " votes")
                .Append(q.AuthorName is null ? ", asked anonymously" : $", asked by {Inline(q.AuthorName)}").AppendLine(")");
            md.Append("  - ").AppendLine(q.Answer is null ? "_Not answered yet._" : "Answer: " + ListItem(q.Answer, "    "));
        }
        return md.ToString();
    }
}
