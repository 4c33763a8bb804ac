using Microsoft.Playwright;
using Xunit.Sdk;

namespace Kindling.BrowserTests.Features;

/// <summary>The accessibility check used by the journeys really reports problems (so its silence on our pages means
/// something).</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityCheckTests(BrowserFixture fx)
{
    [Fact]
    public async Task Check_PageWithUnlabelledInputAndLowContrast_Fails()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<!doctype html><html lang=en><title>t</title><main><input type=text>"
                + "<p style='color:#bbb;background:#fff'>faint text</p></main></html>"
        );
        var failure = await Assert.ThrowsAsync<TrueException>(() => Accessibility.AssertNoViolationsAsync(page));
        Assert.Contains("label", failure.Message);
        Assert.Contains("color-contrast", failure.Message);
    }
}
