using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// Limits only the real server (Kestrel, as ./run.sh starts it) enforces: a body over the size limit is answered
/// 413 with Kindling's own page before it is read, not 500.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class RealServerLimitsTests(BrowserFixture fx)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Fact]
    public async Task SignIn_FortyMegabyteBody_Answers413WithTheAppsPage()
    {
        using var http = new HttpClient(
            new SocketsHttpHandler
            {
                UseCookies = true,
                CookieContainer = new CookieContainer(),
                Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
            }
        )
        {
            BaseAddress = new Uri(fx.App.BaseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await http.GetStringAsync("/account/signin");
        var token = TokenField().Match(form).Groups[1].Value;
        var body = new StringBuilder(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Email=a%40example.org&Password="
        );
        body.Append('x', 40_000_000);
        using var content = new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded");

        // Like a careful client, wait for the server's go-ahead before sending the body: Kestrel answers from the
        // declared length alone, without reading 40 MB (a client that sends it anyway sees the connection closed).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too large</h1>", page);
        Assert.Contains("larger than this form accepts (4 MB)", page);
    }
}
