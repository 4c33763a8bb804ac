using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Concerns;

/// <summary>One report as Markdown for escalation: the facts, what happened, and the whole trail with notes. People's
/// words enter as <see cref="Md"/>, escaped, so they stay text.</summary>
public static class ConcernMarkdown
{
    public static string Write(ConcernView v)
    {
        var r = v.Report;
        var facts = new List<Md>
        {
            Md.Bold("Cohort:") + Md.Own(" ") + v.CohortName,
            Md.Bold("Status:") + Md.Own(" ") + v.Status,
            Md.Bold("Raised:") + Md.Own(" ") + Raised(v),
            Md.Bold("From:") + Md.Own(" ") + v.Reporter,
            Md.Bold("Read by:") + Md.Own(" ") + v.Audience,
        };
        if (v.SessionTitle is not null)
            facts.Add(
                Md.Bold("Session:") + Md.Own(" ") + $"{v.SessionTitle} ({ConcernTimes.Utc(v.SessionStartsUtc!.Value)})"
            );
        var md = new MarkdownWriter()
            .Heading(1, "Concern in " + v.CohortName)
            .List(facts)
            .Heading(2, "What happened")
            .Paragraph(Md.Lines(r.What));
        if (r.PeopleInvolved is not null)
            md.Heading(2, "People involved").Paragraph(Md.Lines(r.PeopleInvolved));
        md.Heading(2, "Audit trail");
        foreach (var e in v.Events)
        {
            md.Paragraph(
                Md.Bold(ConcernTimes.Utc(e.AtUtc))
                    + Md.Own(" · ")
                    + e.ActorName
                    + Md.Own(" · ")
                    + ConcernView.Describe(e)
            );
            if (e.Kind != Kindling.Domain.ConcernEventKind.Filed && ConcernView.TextOf(e) is { } text)
                md.Quote(Md.Lines(text));
        }
        md.Rule().Paragraph(Md.Italic("Exported from Kindling. Keep it private: it may name people."));
        return md.ToString();
    }

    public static string Raised(ConcernView v) =>
        ConcernTimes.Utc(v.Report.FiledUtc) + (v.Report.Anonymous ? " (anonymous: kept to the hour)" : "");
}
