using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace Kindling.BrowserTests.Deploy;

/// <summary>
/// What nginx must do for Kindling, asked over plain HTTP before the browser journey: each check is cheap and names
/// the setting it guards.
/// </summary>
public sealed partial class ProxyChecks(DeployLayout layout)
{
    private const string Hsts = "max-age=63072000";

    [GeneratedRegex("\"(/css/site\\.css\\?v=[^\"]+)\"")]
    private static partial Regex VersionedStyles();

    public async Task RunAsync()
    {
        using var http = Client();

        // Port 80 only sends people to https.
        using (var plain = await http.GetAsync($"{layout.Nginx.HttpUrl}/account/signin"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
            Assert.Equal("https://127.0.0.1/account/signin", plain.Headers.Location?.ToString());
        }

        // Both instances answer (the upstream lists both), each saw https and the browser's address, not nginx's
        // (X-Forwarded-Proto/-For set by nginx and believed from the trusted proxy), and a client's own
        // X-Forwarded-For is not passed on. Pages are compressed, and every answer asks for https from now on.
        // TODO: also GET /health/ready through nginx once the health checks (issue 14, part 3) are on main.
        var answered = new HashSet<string>();
        string page = "";
        for (var i = 0; i < 6 && answered.Count < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
            request.Headers.Add("Accept-Encoding", "gzip");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", string.Join(",", response.Content.Headers.ContentEncoding));
            Assert.Equal(Hsts, Header(response, "Strict-Transport-Security"));
            var instance = Header(response, "X-Kindling-Instance")?.Split("; ");
            Assert.NotNull(instance);
            Assert.Equal(["scheme=https", "client=127.0.0.1"], instance[1..]);
            answered.Add(instance[0]);
            page = await TextAsync(response);
        }
        Assert.Equal(new[] { layout.NameA, layout.NameB }.Order(), answered.Order());

        // Static files come from the published wwwroot through nginx, compressed, cached for a year when versioned.
        var styles = VersionedStyles().Match(page).Groups[1].Value;
        Assert.NotEmpty(styles);
        using (var request = new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(styles)))
        {
            request.Headers.Add("Accept-Encoding", "gzip");
            using var css = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", Header(css, "Cache-Control"));
            Assert.Equal("gzip", string.Join(",", css.Content.Headers.ContentEncoding));
            Assert.Equal("nosniff", Header(css, "X-Content-Type-Options"));
            Assert.Equal(Hsts, Header(css, "Strict-Transport-Security"));
            Assert.Null(Header(css, "X-Kindling-Instance"));
            Assert.Contains("font-family", await TextAsync(css));
        }

        // One byte over Kindling's own limit: nginx refuses it before reading it, with Kindling's "Too large" page.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin"))
        {
            request.Content = new ByteArrayContent(new byte[4_000_001]);
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Headers.ExpectContinue = true;
            using var large = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
            Assert.Contains("<h1>Too large</h1>", await TextAsync(large));
        }
    }

    private HttpClient Client()
    {
        var certificate = layout.Nginx.Certificate.GetCertHashString();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
        };
        // Only the layout's own certificate is accepted.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            cert?.GetCertHashString() == certificate;
        return new HttpClient(handler) { BaseAddress = new Uri(layout.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : null;

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
            body = new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }
}
