using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.FollowUp;

/// <summary>What the default "after the session" message is made from; every address is absolute (it goes by
/// e-mail).</summary>
public sealed record DraftFacts(
    string LessonTitle,
    IReadOnlyList<string> Covered,
    DraftAssignment? Assignment,
    IReadOnlyList<DraftQuestion> Questions,
    string NotesUrl,
    string FeedbackUrl,
    DraftNext? Next
);

/// <param name="CopyUrl">Where a member makes a copy of the assignment's worksheet (their projects).</param>
public sealed record DraftAssignment(string Title, string Summary, string CopyUrl, string LessonUrl);

/// <param name="AskedBy">Null for an anonymous question: the message never names its author.</param>
/// <param name="Answer">Null while the question is open.</param>
public sealed record DraftQuestion(string Text, string? AskedBy, string? Answer);

public sealed record DraftNext(string Title, string When, string Url);

/// <summary>A message's subject and Markdown body.</summary>
public sealed record DraftText(string Subject, string Markdown);

/// <summary>
/// The default "after the session" message: what was covered, the assignment with its "make a copy" link, the
/// questions (answered, then open), the feedback link, the next session and the notes. Everything that comes from
/// people or the curriculum enters escaped (<see cref="Md"/>), so it stays text whatever it holds.
/// </summary>
public static class WrapUpDraft
{
    public const int MaxSubject = 200;
    public const int MaxMarkdown = 20_000;

    /// <summary>The line added for members who missed the session, when there is a recording.</summary>
    public const string AbsentLine =
        "You missed this session: the recording above lets you catch up on the presentation.";

    public static DraftText Build(DraftFacts f)
    {
        var subject = Text.Clip($"After the session: {f.LessonTitle}", MaxSubject);
        // Many long questions could overflow what a message holds: drop the last ones and point to the notes.
        for (var shown = f.Questions.Count; ; shown = shown * 3 / 4)
        {
            var markdown = Body(f, shown);
            if (markdown.Length <= MaxMarkdown || shown == 0)
                return new DraftText(subject, Text.Clip(markdown, MaxMarkdown));
        }
    }

    /// <summary>
    /// The message as one member reads it: the (edited) body, then the recording and slides links, and for someone
    /// who missed the session one line pointing to the recording.
    /// </summary>
    public static string Compose(string markdown, string? recordingUrl, string? slidesUrl, bool absent)
    {
        var md = new MarkdownWriter();
        if (recordingUrl is not null)
            md.Paragraph(Md.Own("Recording of the presentation (the discussion is never recorded): ") + recordingUrl);
        if (slidesUrl is not null)
            md.Paragraph(Md.Own("Slides: ") + slidesUrl);
        if (absent && recordingUrl is not null)
            md.Paragraph(Md.Own(AbsentLine));
        var extra = md.ToString();
        return extra.Length == 0 ? markdown : markdown.TrimEnd() + "\n\n" + extra;
    }

    private static string Body(DraftFacts f, int questionsShown)
    {
        var md = new MarkdownWriter().Paragraph(
            Md.Own("Thank you for taking part in ") + Md.Bold(f.LessonTitle) + Md.Own(". Here is what comes next.")
        );
        if (f.Covered.Count > 0)
            md.Heading(2, Md.Own("What we covered")).List(f.Covered.Select(c => (Md)c));
        if (f.Assignment is { } a)
            md.Heading(2, Md.Own("Your assignment: ") + a.Title)
                .Paragraph(Md.Lines(a.Summary))
                .Paragraph(
                    Md.Own($"[Make a copy of the worksheet]({a.CopyUrl}) in your project, or ")
                        + Md.Own($"[read the assignment in the lesson]({a.LessonUrl}).")
                );
        Questions(md, f.Questions.Take(questionsShown).ToList(), f.Questions.Count - questionsShown, f.NotesUrl);
        md.Heading(2, Md.Own("Your feedback"))
            .Paragraph(
                Md.Own("What worked, and what would you change? ")
                    + Md.Own($"[Give feedback on this session]({f.FeedbackUrl}); it shapes the next ones.")
            );
        if (f.Next is { } n)
            md.Heading(2, Md.Own("Next session"))
                .Paragraph(
                    Md.Bold(n.Title)
                        + Md.Own(", ")
                        + n.When
                        + Md.Own($". The calendar file attached adds it to your calendar; [session page]({n.Url}).")
                );
        return md.Paragraph(Md.Own($"The notes of this session: [read the notes]({f.NotesUrl}).")).ToString();
    }

    private static void Questions(MarkdownWriter md, List<DraftQuestion> shown, int left, string notesUrl)
    {
        if (shown.Count == 0 && left == 0)
            return;
        md.Heading(2, Md.Own("Questions and answers"));
        var answered = shown.Where(q => q.Answer is not null).ToList();
        var open = shown.Where(q => q.Answer is null).ToList();
        if (answered.Count > 0)
            md.Paragraph(Md.Own("Answered:"))
                .List(
                    answered.Select(q => new MarkdownWriter.Item(Asked(q), [Md.Own("Answer: ") + Md.Lines(q.Answer!)]))
                );
        if (open.Count > 0)
            md.Paragraph(Md.Own("Still open; we will come back to them:")).List(open.Select(Asked));
        if (left > 0)
            md.Paragraph(
                Md.Own($"{left} more {(left == 1 ? "question is" : "questions are")} in the ")
                    + Md.Own($"[notes]({notesUrl}).")
            );
    }

    private static Md Asked(DraftQuestion q) =>
        Md.Lines(q.Text) + (q.AskedBy is null ? Md.Own("") : Md.Own(" (asked by ") + q.AskedBy + Md.Own(")"));
}
