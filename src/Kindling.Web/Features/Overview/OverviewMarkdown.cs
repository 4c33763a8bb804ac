using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// The cohort overview as Markdown. Every name, title and answer enters as <see cref="Md"/> and stays text; anonymous
/// feedback and questions carry no name, whatever the cohort lets facilitators see on screen. Worksheets appear as
/// states and counts only.
/// </summary>
public static class OverviewMarkdown
{
    public static string Write(CohortOverview o, string zone)
    {
        var md = new MarkdownWriter()
            .Heading(1, Md.Own("Overview: ") + o.CohortName)
            .Paragraph(Md.Own("Curriculum: ") + o.CurriculumTitle + Md.Own(". Times are in ") + zone + Md.Own("."))
            .Heading(2, Md.Own("Sessions"))
            .List(
                o.Sessions.Select(s =>
                    Md.Bold(s.Tag)
                    + Md.Own(" ")
                    + s.LessonTitle
                    + Md.Own(", ")
                    + TimeZones.Format(s.StartsUtc, zone)
                    + Md.Own(s.Held ? "" : " (not held yet)")
                )
            );
        Attendance(md, o);
        Assignments(md, o);
        Feedback(md, o);
        md.Heading(2, Md.Own("Open questions"));
        if (o.Questions.Count == 0)
            md.Paragraph(Md.Own("_No open questions._"));
        md.List(
            o.Questions.Select(q =>
                Md.Lines(q.Text)
                + Md.Own($" ({OverviewText.Plural(q.Votes, "vote", "votes")}, S{q.SessionNumber}, ")
                + (q.PublicName is null ? Md.Own("asked anonymously") : Md.Own("asked by ") + q.PublicName)
                + Md.Own(")")
            )
        );
        md.Heading(2, Md.Own("Concern reports"))
            .Paragraph(Md.Own(OverviewText.Plural(o.OpenConcerns, "open report", "open reports") + " you can read."));
        Peer(md, o);
        return md.ToString();
    }

    private static void Attendance(MarkdownWriter md, CohortOverview o)
    {
        md.Heading(2, Md.Own("Attendance"))
            .Table(
                ["Person", .. o.Sessions.Select(s => s.Tag), "Attended"],
                o.People.Select(p =>
                        (IReadOnlyList<string>)
                            [
                                p.Name,
                                .. o.Sessions.Select(s =>
                                    !s.Held ? "not yet"
                                    : o.Attendance.Present(p.UserId, s.Id) ? "present"
                                    : "absent"
                                ),
                                $"{o.Attendance.PresentCount(p)} of {o.Attendance.HeldCount}",
                            ]
                    )
                    .Append([
                        "Present",
                        .. o.Sessions.Select(s => s.Held ? OverviewText.Whole(o.Attendance.PresentCount(s)) : ""),
                        "",
                    ])
            );
    }

    private static void Assignments(MarkdownWriter md, CohortOverview o)
    {
        md.Heading(2, Md.Own("Assignments"))
            .Table(
                ["Person", .. o.Templates.Select(t => t.Title)],
                o.People.Select(p =>
                    (IReadOnlyList<string>)[p.Name, .. o.Templates.Select(t => o.Progress.Of(p.UserId, t.Slug).Label)]
                )
            )
            .Table(
                ["Assignment", .. Progress.States.Select(Progress.StateName)],
                o.Templates.Select(t =>
                    (IReadOnlyList<string>)
                        [
                            t.Title,
                            .. Progress.States.Select(s => OverviewText.Whole(o.Progress.Count(o.People, t.Slug, s))),
                        ]
                )
            );
    }

    private static void Feedback(MarkdownWriter md, CohortOverview o)
    {
        md.Heading(2, Md.Own("Feedback"))
            .Table(
                ["Session", "Responses", .. SessionFeedbackSummary.Questions, "Average rating"],
                o.Held.Select(s => o.FeedbackOf(s.Id))
                    .Zip(o.Held)
                    .Select(x =>
                        (IReadOnlyList<string>)
                            [
                                x.Second.Tag,
                                OverviewText.Whole(x.First.Responses),
                                .. SessionFeedbackSummary.Questions.Select(q =>
                                    OverviewText.Whole(x.First.Answered(q))
                                ),
                                x.First.AverageText,
                            ]
                    )
            );
        foreach (var s in o.Held.Where(s => o.FeedbackOf(s.Id).Responses > 0))
        {
            md.Heading(3, Md.Own(s.Tag + " ") + s.LessonTitle);
            md.List(
                o.FeedbackOf(s.Id)
                    .Entries.Select(e => new MarkdownWriter.Item(
                        (e.PublicName is null ? Md.Italic(Md.Own("Anonymous")) : Md.Bold(e.PublicName))
                            + Md.Own(e.Rating is { } r ? $" (rated {r} of 5)" : ""),
                        e.Answers.Select(a => Md.Own(a.Label + ": ") + Md.Lines(a.Text)).ToList()
                    ))
            );
        }
    }

    private static void Peer(MarkdownWriter md, CohortOverview o)
    {
        if (o.PeerRounds.Count == 0)
            return;
        md.Heading(2, Md.Own("Peer feedback"));
        foreach (var r in o.PeerRounds)
            md.Heading(3, r.TemplateTitle)
                .Paragraph(
                    Md.Own(
                        $"{OverviewText.Plural(r.Requests.Count, "request", "requests")}: {r.Given} given, "
                            + $"{r.Resolved} resolved."
                    )
                )
                .Table(
                    ["Group", "Reviewer", "Worksheet of", "State"],
                    r.Requests.Select(q =>
                        (IReadOnlyList<string>)[OverviewText.Whole(q.Group), q.Reviewer, q.Owners, q.State]
                    )
                );
    }
}
