using Kindling.Web.Features.LiveSession;

namespace Kindling.Tests.LiveSession;

public class ExportMarkdownTests
{
    private static readonly DateTime Starts = new(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Write_Session_GivesTheWholeDocumentAsExpected()
    {
        var doc = new ExportDocument(
            "Riverside *team*",
            "# Welcome",
            Starts,
            "UTC",
            [
                new(
                    "Roll call",
                    [new(null, "Who are you?\nSay it", [new("Ann_B", "I am\n- here"), new(null, "hidden me")], false)]
                ),
                new("Breakouts", [new("Group [1]", "Plan", [], false), new(null, "Write alone", [], true)]),
            ],
            [new("Quinn", "Why **now**?\nReally", 1, "Because\nwe can"), new(null, "1. Next?", 3, null)]
        );

        Assert.Equal(
            """
            # \# Welcome

            Riverside \*team\*, Mon 2 Mar 2026, 17:30 (UTC)

            ## 1. Roll call

            > Who are you?\
            > Say it

            - **Ann\_B:** I am\
              \- here
            - _Anonymous:_ hidden me

            ## 2. Breakouts

            ### Group \[1\]

            > Plan

            _No responses._

            > Write alone

            _Written in silence; not revealed yet._

            ## Questions and answers

            - Why \*\*now\*\*?\
              Really (1 vote, asked by Quinn)
              - Answer: Because\
                we can
            - 1\. Next? (3 votes, asked anonymously)
              - _Not answered yet._

            """.ReplaceLineEndings("\n"),
            ExportMarkdown.Write(doc).ReplaceLineEndings("\n")
        );
    }

    [Fact]
    public void Write_NoActivitiesNoQuestions_SaysSo()
    {
        var md = ExportMarkdown.Write(new ExportDocument("C", "L", Starts, "UTC", [], []));

        Assert.Equal(
            "# L\n\nC, Mon 2 Mar 2026, 17:30 (UTC)\n\n## Questions and answers\n\n_No questions were asked._\n",
            md.ReplaceLineEndings("\n")
        );
    }

    [Fact]
    public void Write_WithTheLessonsCredit_EndsWithItsLinksAndEscapesItsTexts()
    {
        var credit = new Kindling.Web.Kernel.Credit(
            "Training [draft] *one*",
            "A_Author",
            "https://example.org/training(v2)",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            "Changes were made."
        );

        var md = ExportMarkdown.Write(new ExportDocument("C", "L", Starts, "UTC", [], [], credit));

        Assert.EndsWith(
            "---\n\nAdapted from “[Training \\[draft\\] \\*one\\*](https://example.org/training%28v2%29)” by "
                + "A\\_Author, licensed [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/). Changes were made.\n",
            md.ReplaceLineEndings("\n")
        );
    }
}
