using Microsoft.Playwright;

namespace Kindling.BrowserTests;

/// <summary>One Kindling process and one headless Debian Chromium for the browser tests; nothing is
/// downloaded.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    /// <summary>The SMTP server the app sends to: journeys read the mail people would get.</summary>
    public Kindling.TestSupport.TestSmtp Smtp { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppProcess.StartAsync(Smtp.Settings);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    // The omnibox popup: every window of the new headless mode otherwise loads that browser UI
                    // page in a renderer of its own, about half of a journey's processor time in Chromium.
                    // Playwright's own list is repeated so it holds even if only one switch is read (Chromium 156
                    // merges the two: its child processes get the union).
                    "--disable-features=" + string.Join(",", PlaywrightDisabledFeatures.Concat(OmniboxPopup)),
                ],
            }
        );
    }

    private static readonly string[] PlaywrightDisabledFeatures =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync",
        "DestroyProfileOnBrowserClose",
        "DialMediaRouteProvider",
        "GlobalMediaControls",
        "HttpsUpgrades",
        "LensOverlay",
        "MediaRouter",
        "PaintHolding",
        "ThirdPartyStoragePartitioning",
        "BlockOriginHeaderModificationOnRedirect",
        "AvoidCorsURLLoaderRestartOnRedirect",
        "Translate",
        "AutoDeElevate",
        "OptimizationHints",
        "NetworkTimeServiceQuerying",
        "AimEnabled",
    ];

    private static readonly string[] OmniboxPopup =
    [
        "WebUIOmniboxPopup",
        "WebUIOmniboxAimPopup",
        "OmniboxFullPopupWebUI",
    ];

    public async Task<IBrowserContext> NewContextAsync(string timezone = "UTC", int width = 1280)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = App.BaseUrl,
                TimezoneId = timezone,
                Locale = "en-GB",
                AcceptDownloads = true,
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            }
        );
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
