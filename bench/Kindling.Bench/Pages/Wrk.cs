using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Kindling.Bench.Pages;

/// <summary>Runs Debian's wrk against one page and reads its summary; checks the page first with one plain request (a
/// redirect to the sign-in page must not count as a fast page).</summary>
public static partial class Wrk
{
    public const string BrowserEncoding = "gzip, deflate, br";

    public static async Task<PageResult> RunAsync(string baseUrl, PageTarget page, PageOptions o, string? cookie)
    {
        var (wire, plain) = await CheckAsync(baseUrl, page, cookie);
        if (o.WarmupSeconds > 0)
            await WrkAsync(baseUrl, page, o, cookie, o.WarmupSeconds);
        var output = await WrkAsync(baseUrl, page, o, cookie, o.DurationSeconds);
        return new PageResult(
            page,
            Number(RequestsPerSecond(), output),
            Millis(Percentile50(), output),
            Millis(Percentile99(), output),
            (int)Number(Non2xx(), output, 0),
            SocketErrors(output),
            wire,
            plain
        );
    }

    private static async Task<(long Wire, long Plain)> CheckAsync(string baseUrl, PageTarget page, string? cookie)
    {
        using var http = new HttpClient(
            new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }
        );
        async Task<long> SizeAsync(bool compressed)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + page.Path);
            if (cookie is not null && page.SignedIn)
                request.Headers.Add("Cookie", cookie);
            if (compressed)
                request.Headers.TryAddWithoutValidation("Accept-Encoding", BrowserEncoding);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{page.Path} answered {(int)response.StatusCode}, not 200.");
            return (await response.Content.ReadAsByteArrayAsync()).LongLength;
        }
        return (await SizeAsync(true), await SizeAsync(false));
    }

    private static async Task<string> WrkAsync(string baseUrl, PageTarget page, PageOptions o, string? cookie, int s)
    {
        var args = new List<string>
        {
            $"-t{o.Threads}",
            $"-c{o.Connections}",
            $"-d{s}s",
            "--latency",
            "-H",
            $"Accept-Encoding: {BrowserEncoding}",
        };
        if (cookie is not null && page.SignedIn)
            args.AddRange(["-H", $"Cookie: {cookie}"]);
        args.Add(baseUrl + page.Path);
        var psi = new ProcessStartInfo("/usr/bin/wrk", args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed: {await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\s50%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex Percentile50();

    [GeneratedRegex(@"\s99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex Socket();

    private static double Number(Regex r, string output, double? missing = null)
    {
        var m = r.Match(output);
        if (m.Success)
            return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return missing ?? throw new InvalidOperationException($"wrk printed no {r}:\n{output}");
    }

    private static double Millis(Regex r, string output)
    {
        var m = r.Match(output);
        if (!m.Success)
            throw new InvalidOperationException($"wrk printed no {r}:\n{output}");
        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => v / 1000,
            "s" => v * 1000,
            _ => v,
        };
    }

    private static int SocketErrors(string output)
    {
        var m = Socket().Match(output);
        return m.Success
            ? Enumerable.Range(1, 4).Sum(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
    }
}
