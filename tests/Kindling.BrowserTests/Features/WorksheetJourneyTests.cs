using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// From "make a copy" to a downloaded charter, in a real browser: a participant maps three stakeholders, drags one into
/// "manage closely" on the power/interest grid, saves, and compiles and downloads the charter.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WorksheetJourneyTests(BrowserFixture fx) : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Worksheet_CopyStakeholders_DragIntoManageClosely_CompileAndDownloadCharter()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var parContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var problems = PageErrors.Watch([par]);
        var sessionUrl = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            _app,
            fac,
            [(par, "Pat Participant", "pat@example.org")]
        );
        var cohortUrl = Regex.Match(sessionUrl, "^/cohorts/[^/]+").Value;

        // A project of one's own, then "make a copy" of the CoP basics assignment.
        await par.GotoAsync(cohortUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Open projects and worksheets" }).ClickAsync();
        await par.GetByRole(AriaRole.Link, new() { Name = "Start a project" }).ClickAsync();
        await par.GetByLabel("Project name").FillAsync("Riverside Makers");
        await par.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Riverside Makers", Level = 1 }))
            .ToBeVisibleAsync();
        var projectUrl = new Uri(par.Url).AbsolutePath;
        await Accessibility.AssertNoViolationsAsync(par);
        await par.GetByRole(AriaRole.Button, new() { Name = "Make a copy of Community of practice basics" })
            .ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Community of practice basics", Level = 1 }))
            .ToBeVisibleAsync();

        // Three stakeholders, typed in with the keyboard-friendly number inputs.
        var table = par.Locator("table.ws-stakeholders");
        (string Name, int Power, int Interest)[] people =
        [
            ("Funders", 8, 3),
            ("Volunteers", 3, 8),
            ("Local library", 2, 2),
        ];
        for (var i = 0; i < people.Length; i++)
        {
            if (await table.GetByLabel($"Stakeholder, row {i + 1}", new() { Exact = true }).CountAsync() == 0)
                await par.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add a row to Stakeholder") })
                    .First.ClickAsync();
            await table.GetByLabel($"Stakeholder, row {i + 1}", new() { Exact = true }).FillAsync(people[i].Name);
            await table
                .GetByLabel($"Power, row {i + 1}", new() { Exact = true })
                .FillAsync(people[i].Power.ToString(CultureInfo.InvariantCulture));
            await table
                .GetByLabel($"Interest, row {i + 1}", new() { Exact = true })
                .FillAsync(people[i].Interest.ToString(CultureInfo.InvariantCulture));
        }
        await Assertions.Expect(table.Locator("output[data-quadrant-for='0']")).ToHaveTextAsync("Keep satisfied");
        await Assertions.Expect(table.Locator("output[data-quadrant-for='1']")).ToHaveTextAsync("Inform regularly");
        await Assertions.Expect(table.Locator("output[data-quadrant-for='2']")).ToHaveTextAsync(new Regex("^Monitor"));
        await par.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(par.GetByText("Saved as version 2.")).ToBeVisibleAsync();

        // On a phone the worksheet fits the screen: nothing scrolls sideways except inside its own table wrapper.
        await par.SetViewportSizeAsync(360, 800);
        var overflow = await OverflowAsync(par);
        Assert.True(overflow == "", "The worksheet page scrolls sideways at 360 px: " + overflow);
        await par.ScreenshotAsync(
            new() { Path = Path.Combine(Path.GetTempPath(), "kindling-worksheet-360.png"), FullPage = true }
        );
        await par.SetViewportSizeAsync(1280, 800);

        // The server drew the grid: three points, the library at the bottom left. Drag it to the top right.
        var grid = par.Locator("svg.stakeholder-grid");
        await Assertions.Expect(grid.Locator(".stakeholder-point")).ToHaveCountAsync(3);
        var library = grid.Locator(".stakeholder-point[data-index='2']");
        await Assertions.Expect(library).ToHaveAttributeAsync("data-quadrant", "monitor");
        await grid.ScrollIntoViewIfNeededAsync();
        var from = (await library.Locator("circle").First.BoundingBoxAsync())!;
        var target = await grid.EvaluateAsync<double[]>(
            @"svg => {
            const n = a => parseFloat(svg.getAttribute(a));
            const x = n('data-plot-x') + (9 - 1 + 0.5) / 10 * n('data-plot-w');
            const y = n('data-plot-y') + n('data-plot-h') - (9 - 1 + 0.5) / 10 * n('data-plot-h');
            const p = svg.createSVGPoint(); p.x = x; p.y = y;
            const s = p.matrixTransform(svg.getScreenCTM());
            return [s.x, s.y];
        }"
        );
        await par.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await par.Mouse.DownAsync();
        await par.Mouse.MoveAsync(
            (float)((from.X + target[0]) / 2),
            (float)((from.Y + target[1]) / 2),
            new() { Steps = 5 }
        );
        await par.Mouse.MoveAsync((float)target[0], (float)target[1], new() { Steps = 5 });
        await par.Mouse.UpAsync();

        // The table and the grid follow the drag at once, before saving.
        await Assertions.Expect(table.Locator("output[data-quadrant-for='2']")).ToHaveTextAsync("Manage closely");
        Assert.True(
            int.Parse(
                await table.GetByLabel("Power, row 3", new() { Exact = true }).InputValueAsync(),
                CultureInfo.InvariantCulture
            ) >= 6
        );
        Assert.True(
            int.Parse(
                await table.GetByLabel("Interest, row 3", new() { Exact = true }).InputValueAsync(),
                CultureInfo.InvariantCulture
            ) >= 6
        );
        await Assertions.Expect(library).ToHaveAttributeAsync("data-quadrant", "manage-closely");
        await par.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(par.GetByText("Saved as version 3.")).ToBeVisibleAsync();
        await Assertions
            .Expect(par.Locator("svg.stakeholder-grid .stakeholder-point[data-index='2']"))
            .ToHaveAttributeAsync("data-quadrant", "manage-closely");
        await Accessibility.AssertNoViolationsAsync(par);

        // Compile the charter: the stakeholders section has the grid; download the PDF.
        await par.GotoAsync(projectUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Compile the community charter" }).ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Stakeholders", Level = 2 }))
            .ToBeVisibleAsync();
        await Assertions.Expect(par.Locator("svg.stakeholder-grid .stakeholder-point")).ToHaveCountAsync(3);
        await Assertions
            .Expect(par.GetByRole(AriaRole.Cell, new() { Name = "Local library", Exact = true }))
            .ToBeVisibleAsync();
        var pictures = await PicturesAsync(par);
        Assert.NotEmpty(pictures);
        foreach (var (kind, width, natural, text, body) in pictures)
        {
            Assert.True(
                width <= natural + 0.5,
                $"The {kind} is stretched to {width:F0} px, wider than its natural {natural:F0} px"
            );
            Assert.InRange(text / body, 0.6, 1.15); // picture text reads at about the page's size, not 2–3 times it
        }
        var download = await par.RunAndWaitForDownloadAsync(() =>
            par.GetByRole(AriaRole.Link, new() { Name = "Download PDF (.pdf)" }).ClickAsync()
        );
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path!))
            Assert.Equal(5, await file.ReadAsync(head));
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        Assert.True(new FileInfo(path!).Length > 5_000, "the PDF should carry text and a picture");

        await Accessibility.AssertNoViolationsAsync(par);
        await par.SetViewportSizeAsync(360, 800);
        var charterOverflow = await OverflowAsync(par);
        Assert.True(charterOverflow == "", "The charter page scrolls sideways at 360 px: " + charterOverflow);
        Assert.Empty(problems);
    }

    /// <summary>Each charter picture: its class, rendered and natural width, its largest rendered text size and the
    /// body text size (px).</summary>
    private static async Task<
        List<(string Kind, double Width, double Natural, double Text, double Body)>
    > PicturesAsync(IPage page) => (
            await page.EvaluateAsync<double[][]>(
                @"() => [...document.querySelectorAll('figure.charter-diagram svg')].map(svg => {
            const scale = svg.getScreenCTM().a;
            const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
            return [svg.getBoundingClientRect().width, parseFloat(svg.getAttribute('width') ?? svg.viewBox.baseVal.width),
                    Math.max(...sizes), parseFloat(getComputedStyle(document.body).fontSize)];
        })"
            )
        ).Select((p, i) => ($"charter picture {i + 1}", p[0], p[1], p[2], p[3])).ToList();

    /// <summary>Empty when nothing makes the page scroll sideways; otherwise the outermost elements that stick
    /// out.</summary>
    internal static Task<string> OverflowAsync(IPage page) =>
        page.EvaluateAsync<string>(
            @"() => {
        if (document.documentElement.scrollWidth <= window.innerWidth + 1) return '';
        const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
        const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
          .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1);
        const chain = e => { const a = []; for (let p = e; p && p !== document.body; p = p.parentElement) a.push(p.tagName + '.' + p.className + ' ' + Math.round(p.getBoundingClientRect().width) + '/' + p.scrollWidth + ' ' + getComputedStyle(p).overflowX); return a.join(' < '); };
        return out.slice(0, 3).map(chain).join(' || ') || 'something';
    }"
        );
}
