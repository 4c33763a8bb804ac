using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kindling.BrowserTests;

/// <summary>Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now and fails with every violation
/// listed.</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(
            new Deque.AxeCore.Commons.AxeRunOptions
            {
                RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
                {
                    Type = "tag",
                    Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
                },
            }
        );
        var problems = result
            .Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — "
                + $"{string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"
            )
            .ToList();
        Assert.True(problems.Count == 0, $"Accessibility problems on {page.Url}:\n" + string.Join("\n", problems));
    }
}
