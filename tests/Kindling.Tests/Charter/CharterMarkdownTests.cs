using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Markdig;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Charter;

public class CharterMarkdownTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Fact]
    public void Write_FullCharter_EveryWrittenValueSurvivesRendering()
    {
        var md = CharterMarkdown.Write(FullCharter());

        var text = Markdown.ToPlainText(md, Gfm);
        Assert.All(WrittenValues, v => Assert.Contains(v, text));
        Assert.Contains("Riverside Bike Kitchen", text);
    }

    [Fact]
    public void Write_FullCharter_OneHeadingPerSectionAndTablesForStakeholdersAndRoadmap()
    {
        var html = Markdown.ToHtml(CharterMarkdown.Write(FullCharter()), Gfm);

        foreach (var title in FullCharter().Sections.Select(s => s.Title))
            Assert.Contains($">{title}</h2>", html);
        Assert.Contains("<th>Stakeholder</th>", html);
        Assert.Contains("<td>Town council</td>", html);
        Assert.Contains("<td>Manage closely</td>", html);
        Assert.Contains("<th>Milestone</th>", html);
        Assert.Contains("<td>First workshop</td>", html);
        Assert.Contains("<li>Decisions by consent</li>", html);
    }

    [Fact]
    public void Write_MissingSection_BecomesQuote()
    {
        var charter = CharterCompiler.Compile("P", "", [Sheet(Full, Now, _ => { })], [], Now);

        var html = Markdown.ToHtml(CharterMarkdown.Write(charter), Gfm);

        Assert.Contains("<blockquote>", html);
        Assert.Contains(
            "Not written yet: fill in Vision in the worksheet ‘Vision, mission and roadmap’.",
            Markdown.ToPlainText(CharterMarkdown.Write(charter), Gfm)
        );
    }

    [Fact]
    public void Write_HostileText_StaysText()
    {
        const string hostile =
            "# Owned\n<script>alert(1)</script>\n- [click](javascript:alert(1))\n1. listed\n> quoted | pipe **bold** "
            + "`code`";
        var sheet = Sheet(
            Full,
            Now,
            d =>
            {
                d.Set("vision", hostile);
                d.Set("ways", new List<string> { "<img src=x onerror=alert(1)>", "## Not a heading" });
                d.Set(
                    "conduct",
                    new List<List<string>>
                    {
                        new() { "a | b", "<b>c</b>\n# d" },
                    }
                );
            }
        );
        var charter = CharterCompiler.Compile("<em>Name</em> # ", "## desc", [sheet], [], Now);

        var md = CharterMarkdown.Write(charter);
        var html = Markdown.ToHtml(md, Gfm);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<em>Name", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<strong>bold", html);
        Assert.DoesNotContain("<code>", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.DoesNotContain("<ol", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
        Assert.Equal(charter.Sections.Count, System.Text.RegularExpressions.Regex.Count(html, "<h2"));
        var text = Markdown.ToPlainText(md, Gfm);
        Assert.Contains("# Owned", text);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("a | b", text);
    }
}

public class CharterMarkdownLayoutTests
{
    [Fact]
    public void Write_EveryKindOfBlock_GivesTheMarkdownAsExpected()
    {
        var updated = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        var empty = System.Text.Json.JsonDocument.Parse("{}").RootElement;
        var compiled = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        var doc = new CharterDocument(
            "Bike_Kitchen",
            "We fix\n\nbikes *together*",
            compiled,
            [
                new(
                    "vision",
                    "Vision",
                    [new ParagraphBlock("Our [vision]", "Every street\n# safe"), new ListBlock(null, ["a\nb", "c"])],
                    new(Guid.Empty, "Charter | sheet", updated)
                ),
                new(
                    "stakeholders",
                    "Stakeholders",
                    [
                        new TableBlock(
                            "Map",
                            ["Who", "Role"],
                            [
                                ["Council", ""],
                                ["a | b"],
                            ]
                        ),
                        new DiagramBlock("stakeholder-map", "Stakeholder map", empty),
                    ],
                    null
                ),
                new("roadmap", "Roadmap", [new MissingBlock("Fill in *Milestones*.")], null),
            ]
        );

        Assert.Equal(
            $"""
            # Bike\_Kitchen: community charter

            We fix

            bikes \*together\*

            _Compiled 26 November 2026._

            ## Vision

            _From the worksheet ‘Charter \| sheet’, updated 20 November 2026._

            **Our \[vision\]**

            Every street\
            \# safe

            - a\
              b
            - c

            ## Stakeholders

            **Map**

            | Who | Role |
            | --- | --- |
            | Council |   |
            | a \| b |

            _Picture: Stakeholder map (drawn in the PDF and on the web page; its data follows)._

            ## Roadmap

            > **Missing.** Fill in \*Milestones\*.

            ---

            {Kindling.Web.Infrastructure.MarkdownText.Inline(CharterText.Attribution)}

            """.ReplaceLineEndings("\n"),
            CharterMarkdown.Write(doc).ReplaceLineEndings("\n")
        );
    }

    [Fact]
    public void Write_PublicCopy_SaysOnlyThatAMissingPartIsNotWrittenYet()
    {
        var missing = new CharterSection("vision", "Vision", [new MissingBlock("Fill in Vision.")], null);
        var md = CharterMarkdown.Write(new CharterDocument("P", "", DateTime.UnixEpoch, [missing]), publicCopy: true);

        Assert.Contains($"> **Missing.** {CharterText.NotWrittenPublic}\n", md.ReplaceLineEndings("\n"));
    }
}
