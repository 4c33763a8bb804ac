using Kindling.IntegrationTests.Infrastructure;
using Markdig;
using static Kindling.IntegrationTests.Features.Overview.OverviewArrange;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>People's names and answers in the downloads stay text: no spreadsheet formula, no Markdown
/// syntax.</summary>
[Collection(AppCollection.Name)]
public class OverviewExportTests(Apps apps)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private const string Syntax = "*Zed* [x](http://evil.example)";
    private const string Answer = "**bold** [click](javascript:alert(1)) <b>x</b>\n# Heading\n| a | b |";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exports_PeoplesText_FormulasDefused_MarkdownEscaped(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(async db =>
        {
            var p = await MembersAsync(db, s.CohortId, now, Formula, "@SUM(1+1)", "-2+3", Syntax);
            var held = await HeldSessionsAsync(db, s.CohortId, now, 1);
            db.SessionFeedback.Add(OverviewContentTests.Feedback(held[0].Id, p[Syntax].Id, now, worked: Answer));
            return await db.SaveChangesAsync();
        });
        using var fac = await s.ClientAsAsync("facilitator");

        var csv = await fac.Http.GetStringAsync(Url(s, ".csv"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Participant,", csv);
        Assert.Contains("\n'@SUM(1+1),Participant,", csv);
        Assert.Contains("\n'-2+3,Participant,", csv);
        var cells = csv.Split(["\r\n", ","], StringSplitOptions.None).Select(c => c.TrimStart('"'));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');

        var md = await fac.Http.GetStringAsync(Url(s, ".md"));
        var html = Markdig.Markdown.ToHtml(md, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Contains("\\*\\*bold\\*\\*", md);
        Assert.DoesNotContain("<strong>bold", html);
        Assert.DoesNotContain("<em>Zed", html);
        Assert.DoesNotContain(">x</a>", html);
        Assert.DoesNotContain(">click</a>", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.DoesNotContain("<b>x</b>", html);
        Assert.DoesNotContain("<h1>Heading", html);
        Assert.DoesNotContain("<td>a</td>", html);
        Assert.Contains("<table>", html); // the overview's own tables still are tables

        var page = await fac.GetAsync(Url(s));
        Assert.DoesNotContain("<b>x</b>", page.Text);
        Assert.Contains(Syntax, page.Document.QuerySelector("#attendance")!.TextContent);
    }
}
