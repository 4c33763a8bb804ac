using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Kindling.Web.Features.Curricula;

/// <summary>Renders a parsed lesson as HTML; used by the lesson pages and the editor's live preview alike.</summary>
public static class LessonHtml
{
    public const string Attribution =
        "Adapted from “Foundational Community Building and Engagement Training” by Malvika Sharan, "
        + "<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license noopener\">CC BY 4.0</a>; changes "
        + "were made.";

    private static string E(string s) => HtmlEncoder.Default.Encode(s);

    public static string Render(LessonDocument l, string? curriculumAttribution = null)
    {
        var h = new StringBuilder();
        if (l.IsPlanned)
            h.Append("<p class=\"tag planned\">Planned module — an outline, not yet a full lesson</p>");
        if (l.Epigraph is { } ep)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<figure class=\"epigraph\"><blockquote><p>{E(ep.Quote)}</p></blockquote><figcaption>— "
                    + $"{E(ep.Author)}</figcaption></figure>"
            );
        if (l.Slides is { } slides)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<p class=\"slides-link\"><a href=\"{E(slides)}\" rel=\"noopener noreferrer\">Slides for this "
                    + $"lesson</a></p>"
            );
        List(h, "key-lessons", "Key lessons", l.KeyLessons);
        if (l.Activities.Count > 0)
        {
            h.Append(
                CultureInfo.InvariantCulture,
                $"<section aria-labelledby=\"activities\"><h2 id=\"activities\">Activities <span "
                    + $"class=\"meta\">({l.PlannedMinutes} minutes)</span></h2><ol class=\"activities\">"
            );
            foreach (var a in l.Activities)
            {
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<li><h3>{E(a.Title)} <span class=\"meta\">{E(a.KindLabel)} · {a.Minutes} min</span>"
                );
                if (a.Recordable)
                    h.Append(" <span class=\"tag rec\">may be recorded</span>");
                if (a.Silent)
                    h.Append(" <span class=\"tag\">silent round</span>");
                h.Append("</h3>");
                if (a.Prompts.Count > 0)
                {
                    h.Append("<ul class=\"prompts\">");
                    foreach (var p in a.Prompts)
                        h.Append(CultureInfo.InvariantCulture, $"<li>{E(p)}</li>");
                    h.Append("</ul>");
                }
                if (a.Choices.Count > 0)
                {
                    h.Append(
                        CultureInfo.InvariantCulture,
                        $"<details class=\"pick-from\"><summary>List to pick from ({a.Choices.Count})</summary>"
                            + $"<ul class=\"pick-list\">"
                    );
                    foreach (var c in a.Choices)
                        h.Append(CultureInfo.InvariantCulture, $"<li>{E(c)}</li>");
                    h.Append("</ul></details>");
                }
                h.Append("</li>");
            }
            h.Append("</ol></section>");
        }
        if (!string.IsNullOrWhiteSpace(l.Body))
            h.Append(
                CultureInfo.InvariantCulture,
                $"<section class=\"prose\" aria-label=\"Lesson text\">{MarkdownRenderer.ToSafeHtml(l.Body)}</section>"
            );
        if (l.Readings.Count > 0)
        {
            h.Append("<section aria-labelledby=\"readings\"><h2 id=\"readings\">Reading list</h2><ul>");
            foreach (var r in l.Readings)
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<li><a href=\"{E(r.Url)}\" rel=\"nofollow noopener noreferrer\">{E(r.Title)}</a></li>"
                );
            h.Append("</ul></section>");
        }
        List(h, "takeaways", "Key takeaways", l.Takeaways);
        if (l.Assignment is { } asg)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<section aria-labelledby=\"assignment\" class=\"card\"><h2 id=\"assignment\">Assignment: "
                    + $"{E(asg.Title)}</h2><p>{E(asg.Summary)}</p></section>"
            );
        var attribution =
            l.Credit?.Html
            ?? (string.IsNullOrWhiteSpace(curriculumAttribution) ? Attribution : E(curriculumAttribution));
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"attribution\">{attribution}</p>");
        return h.ToString();
    }

    private static void List(StringBuilder h, string id, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
            return;
        h.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{title}</h2><ul>");
        foreach (var i in items)
            h.Append(CultureInfo.InvariantCulture, $"<li>{E(i)}</li>");
        h.Append("</ul></section>");
    }
}
