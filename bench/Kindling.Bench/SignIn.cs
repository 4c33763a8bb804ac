using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Kindling.Bench;

/// <summary>Signs participants in through the real sign-in page (GET for the anti-forgery token, then POST) and keeps
/// their cookies as a browser would: the sign-in cookie and the anti-forgery cookie. Without the latter, every page
/// with a form (every signed-in page: the sign-out button) would make and encrypt a new one for each request.</summary>
public static partial class SignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string[]> CookiesAsync(
        string baseUrl,
        IReadOnlyList<string> emails,
        string password,
        int parallelism,
        bool quiet = false
    )
    {
        using var http = new HttpClient(
            new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = parallelism,
            }
        )
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var cookies = new string[emails.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(
            0,
            emails.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, ct) =>
            {
                cookies[i] = await OneAsync(http, emails[i], password, ct);
                var n = Interlocked.Increment(ref done);
                if (!quiet && (n % 100 == 0 || n == emails.Count))
                    Console.Error.WriteLine($"  signed in {n}/{emails.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        );
        return cookies;
    }

    private static async Task<string> OneAsync(HttpClient http, string email, string password, CancellationToken ct)
    {
        using var get = await http.GetAsync("/account/signin", ct);
        var html = await get.Content.ReadAsStringAsync(ct);
        var token = TokenField().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException(
                $"The sign-in page answered {(int)get.StatusCode} without a form token."
            );
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Password"] = password,
                    ["__RequestVerificationToken"] = token,
                }
            ),
        };
        post.Headers.Add("Cookie", string.Join("; ", Cookies(get)));
        using var res = await http.SendAsync(post, ct);
        var auth = Cookies(res).Where(c => c.StartsWith("kindling.auth", StringComparison.Ordinal)).ToList();
        if (res.StatusCode != HttpStatusCode.Redirect || auth.Count == 0)
            throw new InvalidOperationException($"Signing in as {email} failed with {(int)res.StatusCode}.");
        var antiforgery = Cookies(get).Where(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        return string.Join("; ", auth.Concat(antiforgery));
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage r) =>
        r.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
