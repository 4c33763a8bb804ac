using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Tests.Worksheets;

public class WorksheetFormTests
{
    private static WorksheetData Sample()
    {
        var d = WorksheetData.Empty();
        d.Set("origin", "We met at a meetup.\nThen we started a chat.");
        d.Set("name", "Open Gardens");
        d.Set("start", "2026-03-01");
        d.Set("size", "Small");
        d.Set("tools", new[] { "Chat", "Video" });
        d.Set("people", new[] { "Ana", "Ben" });
        d.Set("outcomes", new[] { new[] { "Share seeds", "Seed library" } });
        d.Set("stakeholders", new[] { new Stakeholder("Funders", "Money", "Occasional", 8, 3) });
        d.Set(
            "channels",
            new ChannelMap([new("Forum", "Decisions")], [new("Newsletter", "News")], [new("Call", "Monthly")])
        );
        d.Set(
            "mountain",
            new[] { new MountainLevel("Visitor", "Anyone", "Reads", "Welcome post", "Attention", "Ideas", "Thanks") }
        );
        d.Set("skills", SkillAreas.All.Select((a, i) => new SkillRating(a, i, 5 - i, "gap " + a, "")).ToList());
        d.Set("values", new CoreValues(["Care", "Kindness"], "Care", "We look out for each other.", ["We check in"]));
        d.Set("roadmap", new[] { new Milestone("Launch", "2026-06-01", "First event", "Room", "Rain") });
        d.Set("success", new SuccessDefinition("20 members", "Monthly events", "Self-run"));
        return d;
    }

    [Fact]
    public void ToFormThenRead_EveryFieldType_GivesTheSameData()
    {
        var data = Sample();
        var (read, errors) = WorksheetForm.Read(TestTemplates.All, WorksheetForm.ToForm(TestTemplates.All, data));
        Assert.Empty(errors);
        foreach (var f in TestTemplates.All.Fields)
            Assert.Equal(data.RawOf(f.Id), read.RawOf(f.Id));
    }

    [Fact]
    public void Read_BlankListItemsAndTableRows_AreDropped()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.SetAll("f.people", ["Ana", "  ", "", "Cleo"]);
        form.SetRows("f.outcomes", 3);
        form.Set("f.outcomes.1.0", " ");
        form.Set("f.outcomes.2.0", "Grow");
        var (data, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Empty(errors);
        Assert.Equal(["Ana", "Cleo"], data.Get<List<string>>("people"));
        Assert.Equal(2, data.Get<List<List<string>>>("outcomes")!.Count);
    }

    [Fact]
    public void Read_RowTickedRemove_IsDropped()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.Set("f.stakeholders.0.remove", "on");
        var (data, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Empty(errors);
        Assert.Empty(data.Get<List<Stakeholder>>("stakeholders")!);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("0")]
    [InlineData("high")]
    [InlineData("")]
    public void Read_PowerOutOfRange_NamesTheStakeholder(string power)
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.Set("f.stakeholders.0.power", power);
        var (_, errors) = WorksheetForm.Read(TestTemplates.All, form);
        var e = Assert.Single(errors);
        Assert.Equal("Power for ‘Funders’ must be a whole number from 1 to 10.", e.Message);
        Assert.Equal("f.stakeholders.0.power", e.InputName);
    }

    [Fact]
    public void Read_TooLongText_SaysTheLimit()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.Set("f.name", new string('x', WorksheetForm.MaxText + 1));
        var (_, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Contains("‘Community name’ is too long", Assert.Single(errors).Message);
    }

    [Fact]
    public void Read_FourValues_IsRefused()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.SetAll("f.values.chosen", ["Openness", "Care", "Curiosity"]);
        form.SetAll("f.values.own", ["Kindness"]);
        var (_, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Contains(errors, e => e.Message.Contains("at most three values"));
    }

    [Fact]
    public void Read_BadDateAndUnknownChoice_AreRefused()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.Set("f.start", "31/02/2026");
        form.Set("f.size", "Huge");
        var (_, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Contains(errors, e => e.FieldId == "start" && e.Message.Contains("must be a date"));
        Assert.Contains(errors, e => e.FieldId == "size" && e.Message.Contains("listed options"));
    }

    [Fact]
    public void Read_MoveUpOp_SwapsMountainLevels()
    {
        var data = Sample();
        data.Set(
            "mountain",
            new[]
            {
                new MountainLevel("Visitor", "", "", "", "", "", ""),
                new MountainLevel("Member", "", "", "", "", "", ""),
            }
        );
        var (read, errors) = WorksheetForm.Read(
            TestTemplates.All,
            WorksheetForm.ToForm(TestTemplates.All, data),
            "up:mountain:1"
        );
        Assert.Empty(errors);
        Assert.Equal(["Member", "Visitor"], read.Get<List<MountainLevel>>("mountain")!.Select(l => l.Name));
    }

    [Fact]
    public void Read_SkillRatingAboveFive_NamesTheArea()
    {
        var form = WorksheetForm.ToForm(TestTemplates.All, Sample());
        form.Set("f.skills.1.team", "6");
        var (_, errors) = WorksheetForm.Read(TestTemplates.All, form);
        Assert.Equal(
            "The team rating for Technical skills must be a whole number from 0 to 5.",
            Assert.Single(errors).Message
        );
    }
}
