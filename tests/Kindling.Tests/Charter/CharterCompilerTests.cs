using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Fields.Mountain;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Charter;

public class CharterCompilerTests
{
    private static string Texts(CharterSection s) =>
        string.Join(
            "\n",
            s.Blocks.SelectMany(b =>
                b switch
                {
                    ParagraphBlock p => [p.Label ?? "", p.Text],
                    ListBlock l => l.Items.Prepend(l.Label ?? ""),
                    TableBlock t => t.Rows.SelectMany(r => r),
                    MissingBlock m => [m.Message],
                    _ => [],
                }
            )
        );

    [Fact]
    public void Compile_FullWorksheet_SectionsInCharterOrderWithContent()
    {
        var charter = FullCharter();

        Assert.Equal([.. CharterSections.Core, "more-1"], charter.Sections.Select(s => s.Key));
        Assert.Equal(
            [
                "Background",
                "Values",
                "Vision",
                "Mission",
                "Stakeholders",
                "Engagement pathways",
                "Roadmap",
                "Definitions of success",
                "Ways of working",
                "Code of conduct",
                "More from ‘Vision, mission and roadmap’",
            ],
            charter.Sections.Select(s => s.Title)
        );
        Assert.All(charter.Sections, s => Assert.False(s.IsMissing, s.Key));
        Assert.Equal("Riverside Bike Kitchen", charter.ProjectName);
        Assert.Equal(Now, charter.CompiledUtc);
        var all = string.Join("\n", charter.Sections.Select(Texts));
        Assert.All(WrittenValues, v => Assert.Contains(v, all));
        // A field without a charter section is not dropped: it follows in "More from ‘worksheet’".
        Assert.Equal(
            "Ask the library about a second venue",
            charter.Sections[^1].Blocks.OfType<ParagraphBlock>().Single(p => p.Label == "Notes").Text
        );
    }

    [Fact]
    public void Compile_Stakeholders_TableNamesQuadrantAndKeepsGridData()
    {
        var section = FullCharter().Sections.Single(s => s.Key == CharterSections.Stakeholders);

        var table = Assert.Single(section.Blocks.OfType<TableBlock>());
        Assert.Equal(["Town council", "Funder", "Grants the hall", "9", "8", "Manage closely"], table.Rows[0]);
        Assert.Equal("Keep satisfied", table.Rows[1][5]);
        Assert.Equal("Inform regularly", table.Rows[2][5]);
        var grid = Assert.Single(section.Blocks.OfType<DiagramBlock>());
        Assert.Equal(FieldTypes.StakeholderMap, grid.Kind);
        Assert.Equal(3, grid.Data.GetArrayLength());
    }

    [Fact]
    public void Compile_Roadmap_MilestonesInDateOrder()
    {
        var table = FullCharter()
            .Sections.Single(s => s.Key == CharterSections.Roadmap)
            .Blocks.OfType<TableBlock>()
            .Single();

        Assert.Equal(["First workshop", "Second venue"], table.Rows.Select(r => r[0]));
        Assert.Equal("15 February 2027", table.Rows[0][1]);
    }

    [Fact]
    public void Compile_EmptyField_CalloutNamesFieldAndWorksheetAndInventsNothing()
    {
        var sheet = Sheet(Full, Now, d => d.Set("vision", "   "));

        var charter = CharterCompiler.Compile("P", "", [sheet], [], Now);

        var vision = charter.Sections.Single(s => s.Key == CharterSections.Vision);
        Assert.True(vision.IsMissing);
        Assert.Null(vision.Source);
        var missing = Assert.Single(vision.Blocks.OfType<MissingBlock>());
        Assert.Equal(
            "Not written yet: fill in Vision in the worksheet ‘Vision, mission and roadmap’.",
            missing.Message
        );
        Assert.Equal(sheet.Id, missing.WorksheetId);
        Assert.All(charter.Sections, s => Assert.All(s.Blocks, b => Assert.IsType<MissingBlock>(b)));
    }

    [Fact]
    public void Compile_MountainWithOnlyLevelNames_CountsAsNotWritten()
    {
        var sheet = Sheet(
            Full,
            Now,
            d =>
                d.Set(
                    "mountain",
                    new List<MountainLevel>
                    {
                        new("First contact", "", "", "", "", "", ""),
                        new("Leadership", "", "", "", "", "", ""),
                    }
                )
        );

        var pathways = CharterCompiler
            .Compile("P", "", [sheet], [], Now)
            .Sections.Single(s => s.Key == CharterSections.Pathways);

        Assert.True(pathways.IsMissing);
        Assert.Contains("Mountain of engagement", Assert.Single(pathways.Blocks.OfType<MissingBlock>()).Message);
    }

    [Fact]
    public void IsUntouched_MountainStillTheExample_TrueUntilOneLevelChanges()
    {
        IReadOnlyList<MountainLevel> examples =
        [
            new("First contact", "Newcomers", "Read", "A welcome", "Attention", "Answers", "A hello"),
            new("Leading", "Leaders", "Decide", "Support", "Care", "Trust", "Named roles"),
        ];

        Assert.True(MountainField.IsUntouched(examples.ToList(), examples));
        Assert.True(MountainField.IsUntouched([examples[0] with { Who = " Newcomers " }], examples));
        Assert.False(
            MountainField.IsUntouched([examples[0], examples[1] with { Who = "Our two organisers" }], examples)
        );
        Assert.False(
            MountainField.IsUntouched(
                [.. examples, new MountainLevel("Mentoring", "Mentors", "", "", "", "", "")],
                examples
            )
        );
        Assert.False(MountainField.IsUntouched(examples.ToList(), []));
    }

    [Fact]
    public void Compile_NoWorksheetFeedsSection_PointsToTheAssignmentThatDoes()
    {
        var onlyVision = Template(
            "vision",
            "Vision worksheet",
            Field("vision", FieldTypes.Text, "Vision", CharterSections.Vision)
        );
        var offers = new[]
        {
            new TemplateOffer(
                "Vision, mission and roadmap",
                "community-charter",
                [CharterSections.Mission, CharterSections.Vision]
            ),
        };

        var charter = CharterCompiler.Compile(
            "P",
            "",
            [Sheet(onlyVision, Now, d => d.Set("vision", "Bikes for all"))],
            offers,
            Now
        );

        Assert.Equal(
            "No worksheet of this project collects this yet — make a copy of ‘Vision, mission and roadmap’ from the "
                + "project page.",
            charter
                .Sections.Single(s => s.Key == CharterSections.Mission)
                .Blocks.OfType<MissingBlock>()
                .Single()
                .Message
        );
        Assert.Equal(
            "No worksheet of this project collects this yet, and no assignment of this cohort's curriculum asks for "
                + "it.",
            charter
                .Sections.Single(s => s.Key == CharterSections.CodeOfConduct)
                .Blocks.OfType<MissingBlock>()
                .Single()
                .Message
        );
        Assert.Equal(
            "Bikes for all",
            charter.Sections.Single(s => s.Key == CharterSections.Vision).Blocks.OfType<ParagraphBlock>().Single().Text
        );
    }

    [Fact]
    public void Compile_SeveralWorksheetsFeedSection_MostRecentNonEmptyWins()
    {
        var older = Template(
            "old",
            "Community background",
            Field("v", FieldTypes.Text, "Vision draft", CharterSections.Vision)
        );
        var newer = Template(
            "new",
            "Vision, mission and roadmap",
            Field("v", FieldTypes.Text, "Vision", CharterSections.Vision)
        );
        var oldSheet = Sheet(older, Now.AddDays(-10), d => d.Set("v", "Old vision"));
        var newSheet = Sheet(newer, Now.AddDays(-1), d => d.Set("v", "New vision"));
        var newestButEmpty = Sheet(newer, Now, d => d.Set("v", ""));

        var vision = CharterCompiler
            .Compile("P", "", [oldSheet, newestButEmpty, newSheet], [], Now)
            .Sections.Single(s => s.Key == CharterSections.Vision);

        Assert.Equal("New vision", Assert.Single(vision.Blocks.OfType<ParagraphBlock>()).Text);
        Assert.Equal(newSheet.Id, vision.Source!.WorksheetId);
        Assert.Equal("Vision, mission and roadmap", vision.Source.WorksheetTitle);
        Assert.Equal(newSheet.UpdatedUtc, vision.Source.UpdatedUtc);
    }

    [Fact]
    public void Compile_FieldsNotShownInTheirSection_FollowInMoreFromTheirWorksheet()
    {
        var older = Template(
            "old",
            "Community background",
            Field("v", FieldTypes.Text, "Vision draft", CharterSections.Vision),
            Field("story", FieldTypes.LongText, "Origin story", null),
            Field("skills", FieldTypes.Skills, "Skills", null)
        );
        var newer = Template(
            "new",
            "Vision, mission and roadmap",
            Field("v", FieldTypes.Text, "Vision", CharterSections.Vision)
        );
        var oldSheet = Sheet(
            older,
            Now.AddDays(-10),
            d =>
            {
                d.Set("v", "Old vision");
                d.Set("story", "It began in a shed.");
                d.Set("skills", new List<SkillRating> { new("Engagement", 3, 2, "Events", "Local library") });
            }
        );
        var newSheet = Sheet(newer, Now.AddDays(-1), d => d.Set("v", "New vision"));

        var charter = CharterCompiler.Compile("P", "", [newSheet, oldSheet], [], Now);

        var more = Assert.Single(charter.Sections, s => s.Key.StartsWith("more-", StringComparison.Ordinal));
        Assert.Equal("More from ‘Community background’", more.Title);
        Assert.Equal(oldSheet.Id, more.Source!.WorksheetId);
        Assert.Equal(["Vision draft", "Origin story"], more.Blocks.OfType<ParagraphBlock>().Select(p => p.Label));
        Assert.Contains(more.Blocks, b => b is DiagramBlock { Kind: FieldTypes.Skills });
        Assert.Contains("Local library", Texts(more));
        Assert.Equal(charter.Sections.Count, charter.Sections.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Compile_FurtherModuleSections_AppearOnlyWhenAWorksheetFeedsThem()
    {
        var plain = CharterCompiler.Compile("P", "", [FullSheet(Now.AddDays(-1))], [], Now);
        var process = Template(
            "process",
            "Responding to concerns",
            Field("route", FieldTypes.LongText, "How to report", CharterSections.ResponseProcess),
            Field("open", FieldTypes.LongText, "Licences", CharterSections.Openness)
        );
        var withProcess = CharterCompiler.Compile(
            "P",
            "",
            [FullSheet(Now.AddDays(-1)), Sheet(process, Now, d => d.Set("route", "Write to the two stewards."))],
            [],
            Now
        );

        Assert.DoesNotContain(
            plain.Sections,
            s => s.Key is CharterSections.ResponseProcess or CharterSections.Openness
        );
        var keys = withProcess.Sections.Select(s => s.Key).ToList();
        Assert.Equal(keys.IndexOf(CharterSections.CodeOfConduct) + 1, keys.IndexOf(CharterSections.ResponseProcess));
        var route = withProcess.Sections.Single(s => s.Key == CharterSections.ResponseProcess);
        Assert.Equal("Responding to concerns", route.Title);
        Assert.Contains("Write to the two stewards.", Texts(route));
        Assert.True(withProcess.Sections.Single(s => s.Key == CharterSections.Openness).IsMissing);
    }

    [Fact]
    public void Compile_UnreadableWorksheet_IsSkippedNotFatal()
    {
        var broken = Sheet(Full, Now, _ => { });
        broken.TemplateJson = "{not json";

        var charter = CharterCompiler.Compile("P", "", [broken, FullSheet(Now.AddDays(-3))], [], Now);

        Assert.All(charter.Sections, s => Assert.False(s.IsMissing));
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryBlock()
    {
        var charter = CharterCompiler.Compile(
            "Riverside",
            "Bikes",
            [
                FullSheet(Now.AddDays(-2)),
                Sheet(
                    Template("e", "Empty", Field("m", FieldTypes.Text, "Motto", CharterSections.Values)),
                    Now,
                    _ => { }
                ),
            ],
            [],
            Now
        );
        var json = charter.ToJson();

        var back = CharterDocument.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal(charter.Sections.Select(s => s.Blocks.Count), back.Sections.Select(s => s.Blocks.Count));
        Assert.Equal(
            charter.Sections.SelectMany(s => s.Blocks.Select(b => b.GetType())),
            back.Sections.SelectMany(s => s.Blocks.Select(b => b.GetType()))
        );
        Assert.Equal(DateTimeKind.Utc, back.CompiledUtc.Kind);
        Assert.Contains("\"block\":\"diagram\"", json);
        var grid = back
            .Sections.Single(s => s.Key == CharterSections.Stakeholders)
            .Blocks.OfType<DiagramBlock>()
            .Single();
        Assert.Equal("Town council", grid.Data[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("Riverside Bike Kitchen", "riverside-bike-kitchen")]
    [InlineData("  Café  Ünïcode!! ", "cafe-unicode")]
    [InlineData("😀😀", "")]
    public void Slugs_AreReadableAndUrlSafe(string name, string readable)
    {
        Assert.Equal(readable, CharterSlugs.Readable(name));
        var slug = CharterSlugs.New(name);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
        Assert.StartsWith(readable.Length > 0 ? readable + "-" : "charter-", slug);
        Assert.NotEqual(slug, CharterSlugs.New(name));
    }
}
