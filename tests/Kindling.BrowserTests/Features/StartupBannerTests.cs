namespace Kindling.BrowserTests.Features;

/// <summary>What Kindling prints when it starts, as ./run.sh shows it: where it runs, which database file it uses, the
/// set-up link.</summary>
[Collection(BrowserCollection.Name)]
public class StartupBannerTests(BrowserFixture fx)
{
    [Fact]
    public void Start_PrintsAddressDatabaseFileAndSetupLink()
    {
        var output = fx.App.Output;
        Assert.Contains($"Kindling is running at {fx.App.BaseUrl}/", output);
        Assert.Contains($"Database: SQLite file {fx.App.DatabaseFile}", output);
        Assert.True(File.Exists(fx.App.DatabaseFile), $"{fx.App.DatabaseFile} does not exist");
        Assert.Contains($"(one-time link): {fx.App.BaseUrl}/setup/", output);
        Assert.Contains($"Mail: SMTP 127.0.0.1:{fx.Smtp.Port} (None) (see {fx.App.BaseUrl}/admin/outbox)", output);
    }
}
