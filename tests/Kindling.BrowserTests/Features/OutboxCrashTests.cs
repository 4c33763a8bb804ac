using System.Net;
using System.Text.RegularExpressions;
using Kindling.TestSupport;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// A message that was committed but not yet sent when the process was killed (SIGKILL, no shutdown) is sent after the
/// restart, exactly once, on both databases.
/// </summary>
public partial class OutboxCrashTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory, MemberData(nameof(Providers))]
    public async Task KilledBetweenCommitAndSend_TheMessageGoesOnceAfterRestart(string provider)
    {
        await using var smtp = new TestSmtp();
        var database = AppProcess.DatabaseSettings(provider);
        var held = new Dictionary<string, string>(database) { ["Mail:Enabled"] = "false" };
        foreach (var (k, v) in smtp.Settings)
            held[k] = v;
        // First life: sending is held back, so the message is committed and waits in the outbox.
        var first = await AppProcess.StartAsync(held);
        var cookies = new CookieContainer();
        using (var http = Client(first.BaseUrl, cookies))
        {
            await PostFormAsync(
                http,
                first.SetupUrl,
                new()
                {
                    ["Input.DisplayName"] = "Ada Admin",
                    ["Input.Email"] = "ada@example.org",
                    ["Input.Password"] = "a long and unusual passphrase",
                    ["Input.ConfirmPassword"] = "a long and unusual passphrase",
                    ["Input.TimeZoneId"] = "UTC",
                }
            );
            var queued = await PostFormAsync(
                http,
                "/admin/outbox",
                new() { ["TestAddress"] = "crash-test@example.org" },
                "/admin/outbox?handler=Test"
            );
            Assert.Contains("crash-test@example.org", queued);
        }
        await first.KillAsync();
        Assert.Empty(smtp.Received);

        // Second life on the same database, sending on.
        var again = new Dictionary<string, string>(held) { ["Mail:Enabled"] = "true", ["Mail:PollSeconds"] = "1" };
        await using var second = await AppProcess.StartAsync(again, first.DataDir);
        var mail = await smtp.WaitForAsync(m => m.Subject == "Kindling test message");
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more rounds of the sender

        Assert.Single(smtp.To("crash-test@example.org"));
        Assert.Contains("If you can read it, Kindling's mail settings work.", mail.TextBody);
        using var admin = Client(second.BaseUrl, cookies);
        var sent = await admin.GetStringAsync("/admin/outbox?state=Sent");
        Assert.Contains("crash-test@example.org", sent);
    }

    private static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(baseUrl),
        };

    private static async Task<string> PostFormAsync(
        HttpClient http,
        string page,
        Dictionary<string, string> fields,
        string? action = null
    )
    {
        var form = await http.GetStringAsync(page);
        fields["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value;
        using var response = await http.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action ?? page} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
