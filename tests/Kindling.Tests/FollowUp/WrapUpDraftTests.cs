using Kindling.Domain;
using Kindling.Web.Features.FollowUp;

namespace Kindling.Tests.FollowUp;

public class WrapUpDraftTests
{
    private const string Base = "https://k.example.org/cohorts/c1";

    private static DraftFacts Facts(IReadOnlyList<DraftQuestion>? questions = null, DraftNext? next = null) =>
        new(
            "Community *Narrative*",
            ["Tell the story", "Find the founders"],
            new DraftAssignment(
                "Community background",
                "Piece together the origin story.",
                $"{Base}/projects",
                $"{Base}/lessons/community-narrative#assignment"
            ),
            questions
                ??
                [
                    new("How do we find **funding**?", null, "Start with [small](https://evil.example) grants."),
                    new("Who keeps the minutes?", "Quinn", null),
                ],
            $"{Base}/sessions/s1/notes",
            $"{Base}/sessions/s1/feedback",
            next ?? new DraftNext("CoP basics", "Tue 10 Mar 2026, 18:00 (Europe/London)", $"{Base}/sessions/s2")
        );

    [Fact]
    public void Build_GivesCoveredAssignmentQuestionsFeedbackNextAndNotes_WithPeoplesTextEscaped()
    {
        var draft = WrapUpDraft.Build(Facts());

        Assert.Equal("After the session: Community *Narrative*", draft.Subject);
        var md = draft.Markdown;
        Assert.StartsWith("Thank you for taking part in **Community \\*Narrative\\***.", md);
        Assert.Contains("## What we covered\n\n- Tell the story\n- Find the founders\n", md);
        Assert.Contains("## Your assignment: Community background\n\nPiece together the origin story.\n", md);
        Assert.Contains($"[Make a copy of the worksheet]({Base}/projects)", md);
        Assert.Contains($"[read the assignment in the lesson]({Base}/lessons/community-narrative#assignment)", md);
        // Answered first, with the answer nested; an anonymous question names nobody, a named one its asker.
        Assert.Contains(
            "Answered:\n\n- How do we find \\*\\*funding\\*\\*?\n  - Answer: Start with \\[small\\](<https://evil.example>) "
                + "grants.\n",
            md
        );
        Assert.Contains("Still open; we will come back to them:\n\n- Who keeps the minutes? (asked by Quinn)\n", md);
        Assert.Contains($"[Give feedback on this session]({Base}/sessions/s1/feedback)", md);
        Assert.Contains(
            "**CoP basics**, Tue 10 Mar 2026, 18:00 (Europe/London). The calendar file attached adds it to your "
                + $"calendar; [session page]({Base}/sessions/s2).",
            md
        );
        Assert.EndsWith($"[read the notes]({Base}/sessions/s1/notes).\n", md);
    }

    [Fact]
    public void Build_WithoutQuestionsOrNextSession_LeavesThoseParagraphsOut()
    {
        var md = WrapUpDraft.Build(Facts([]) with { Next = null }).Markdown;

        Assert.DoesNotContain("Questions and answers", md);
        Assert.DoesNotContain("Next session", md);
        Assert.DoesNotContain("calendar", md);
    }

    [Fact]
    public void Build_ManyLongQuestions_StaysWithinWhatAMessageHolds_AndPointsToTheNotes()
    {
        var many = Enumerable.Range(1, 60).Select(i => new DraftQuestion($"Q{i} " + new string('x', 900), null, null));
        var draft = WrapUpDraft.Build(Facts([.. many]));

        Assert.True(draft.Markdown.Length <= WrapUpDraft.MaxMarkdown, $"{draft.Markdown.Length} characters");
        Assert.Contains("Q1 x", draft.Markdown);
        Assert.Matches(@"\d+ more questions are in the \[notes\]", draft.Markdown);
    }

    [Fact]
    public void Compose_AddsTheLinks_AndTheRecordingLineOnlyForThoseWhoMissedIt()
    {
        const string rec = "https://video.example.org/r?id=1_2";
        var present = WrapUpDraft.Compose("Body.", rec, "https://slides.example.org/s", absent: false);
        var absent = WrapUpDraft.Compose("Body.", rec, null, absent: true);
        var noRecording = WrapUpDraft.Compose("Body.", null, null, absent: true);

        Assert.Equal(
            "Body.\n\nRecording of the presentation (the discussion is never recorded): <"
                + rec
                + ">\n\n"
                + "Slides: <https://slides.example.org/s>\n",
            present
        );
        Assert.EndsWith(WrapUpDraft.AbsentLine + "\n", absent);
        Assert.Equal("Body.", noRecording);
    }

    [Fact]
    public void MailText_ReadsLikeThePreview_WithoutMarkdownSyntax()
    {
        var md = WrapUpDraft.Build(Facts()).Markdown;

        var paragraphs = MailText.Paragraphs(md);

        Assert.Equal("Thank you for taking part in Community *Narrative*. Here is what comes next.", paragraphs[0]);
        Assert.Contains("What we covered", paragraphs);
        Assert.Contains("- Tell the story\n- Find the founders", paragraphs);
        Assert.Contains(
            $"Make a copy of the worksheet ({Base}/projects) in your project, or read the assignment in the lesson "
                + $"({Base}/lessons/community-narrative#assignment).",
            paragraphs
        );
        Assert.Contains(
            "- How do we find **funding**?\n  - Answer: Start with [small](https://evil.example) grants.",
            paragraphs
        );
        Assert.DoesNotContain(paragraphs, p => p.Contains('\\', StringComparison.Ordinal));
        Assert.Equal(["1. one\n2. two", "> quoted"], MailText.Paragraphs("1. one\n2. two\n\n> quoted"));
    }

    [Theory]
    [InlineData("https://video.example.org/r", "https://video.example.org/r", null)]
    [InlineData("  http://x.example/a  ", "http://x.example/a", null)]
    [InlineData("", null, null)]
    [InlineData("video.example.org/r", null, "must be a full web address")]
    [InlineData("javascript:alert(1)", null, "must be a full web address")]
    [InlineData("ftp://files.example.org/r", null, "must be a full web address")]
    public void Links_AreFullWebAddressesOrNothing(string input, string? url, string? error)
    {
        var read = WrapUpLinks.Read(input, "recording");

        Assert.Equal(url, read.Url);
        if (error is null)
            Assert.Null(read.Error);
        else
            Assert.Contains(error, read.Error);
    }

    [Fact]
    public void Links_LongerThan500_AreRefused_AndARecordingNeedsASessionThatMayBeRecorded()
    {
        var (_, error) = WrapUpLinks.Read("https://x.example/" + new string('a', 490), "slides");

        Assert.Equal("The slides link is 508 characters long; use at most 500.", error);
        Assert.NotNull(WrapUpLinks.RecordingRefusal(RecordingPolicy.NoRecording, "https://x.example/r"));
        Assert.Null(WrapUpLinks.RecordingRefusal(RecordingPolicy.NoRecording, null));
        Assert.Null(WrapUpLinks.RecordingRefusal(RecordingPolicy.PresentationMayBeRecorded, "https://x.example/r"));
    }
}
