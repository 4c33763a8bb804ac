namespace Kindling.Bench.Pages;

/// <summary>
/// Page-load benchmark: seeds a cohort of N members and a session whose live document holds R responses (posted through
/// the hub, as people would), signs one member in, and runs Debian's <c>wrk</c> against each member page with that
/// member's cookie and a browser's Accept-Encoding. Also measures cold start (exec to first 200) on the seeded
/// database.
/// </summary>
public static class PagesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        PageOptions o;
        try
        {
            o = PageOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(PageOptions.Usage);
            return 2;
        }
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is missing: apt-get install -y wrk");
            return 2;
        }
        Console.Error.WriteLine("Starting Kindling (Release build) on a fresh SQLite database…");
        var site = await SeededSite.CreateAsync(o);
        try
        {
            var rows = new List<PageResult>();
            foreach (var page in site.Pages(o))
            {
                Console.Error.WriteLine($"wrk {page.Name}…");
                await site.RefreshCookieAsync();
                rows.Add(await Wrk.RunAsync(site.App.BaseUrl, page, o, site.MemberCookie));
            }
            if (o.Hold)
            {
                Console.Error.WriteLine($"Holding the server at {site.App.BaseUrl} (pid {site.App.Pid}); Ctrl+C ends.");
                Console.Error.WriteLine($"Cookie: {site.MemberCookie}");
                foreach (var p in site.Pages(o))
                    Console.Error.WriteLine($"  {p.Name}: {site.App.BaseUrl}{p.Path}");
                await Task.Delay(Timeout.Infinite);
            }
            await site.App.StopAsync(); // the data stays for the cold starts
            var cold = await ColdStart.MeasureAsync(site.DataDir, o.ColdStarts, AppUnderTest.BuildOutput);
            var published = o.Published is { } dir ? await ColdStart.MeasureAsync(site.DataDir, o.ColdStarts, dir) : [];
            PageReport.Print(rows, cold, published, o, args);
            return rows.All(r => r.Non2xx == 0 && r.Errors == 0) ? 0 : 1;
        }
        finally
        {
            await site.App.DisposeAsync();
        }
    }
}

/// <summary>One page of the run: a name for the table, its path, and whether to send the member's cookie.</summary>
public sealed record PageTarget(string Name, string Path, bool SignedIn = true);

public sealed record PageResult(
    PageTarget Page,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    int Non2xx,
    int Errors,
    long WireBytes,
    long PlainBytes
);
