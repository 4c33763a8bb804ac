using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Bench.Pages;

/// <summary>The started app with a seeded cohort, a session whose live document holds the responses, and one signed-in
/// member's cookie.</summary>
public sealed class SeededSite
{
    public required AppUnderTest App { get; init; }
    public required Guid CohortId { get; init; }
    public required Guid SessionId { get; init; }
    public required string LessonSlug { get; init; }
    public required string MemberCookie { get; set; }
    public required string MemberEmail { get; init; }
    public required string DataDir { get; init; }

    public static async Task<SeededSite> CreateAsync(PageOptions o)
    {
        var app = await AppUnderTest.StartAsync(null, o.ServerEnv);
        Console.Error.WriteLine($"Seeding {o.Members} members…");
        var seeded = await Seeder.SeedAsync(app.DatabaseProvider, app.Database, o.Members);
        var posters = Math.Clamp(o.Responses / 100, 1, 20);
        Console.Error.WriteLine($"Signing in {posters} members…");
        var cookies = await SignIn.CookiesAsync(app.BaseUrl, seeded.Emails.Take(posters).ToList(), Seeder.Password, 8);
        if (o.Responses > 0)
            await PostResponsesAsync(app.BaseUrl, seeded.SessionId, cookies, o.Responses);
        var builder = new DbContextOptionsBuilder<KindlingDb>();
        builder.UseKindlingDatabase(app.DatabaseProvider, app.Database);
        await using var db = new KindlingDb(builder.Options);
        var s = await db
            .Sessions.Where(x => x.Id == seeded.SessionId)
            .Select(x => new { x.CohortId, Slug = x.Lesson!.Slug })
            .SingleAsync();
        return new SeededSite
        {
            App = app,
            CohortId = s.CohortId,
            SessionId = seeded.SessionId,
            LessonSlug = s.Slug,
            MemberCookie = cookies[0],
            MemberEmail = seeded.Emails[0],
            DataDir = Path.GetDirectoryName(app.Database["Data Source=".Length..])!,
        };
    }

    private static async Task PostResponsesAsync(string baseUrl, Guid sessionId, string[] cookies, int responses)
    {
        Console.Error.WriteLine($"Posting {responses} responses through the hub from {cookies.Length} members…");
        await using var people = new Participants(baseUrl, sessionId);
        await people.GrowToAsync(cookies.Length, cookies, 8);
        var each = (responses + cookies.Length - 1) / cookies.Length;
        var posted = 0;
        await Parallel.ForAsync(
            0,
            cookies.Length,
            async (who, _) =>
            {
                for (var k = 0; k < each; k++)
                {
                    var id = Interlocked.Increment(ref posted);
                    if (id > responses)
                        return;
                    var ack = await people
                        .Clients[who]
                        .AddResponseAsync(people.SectionId, Participants.Text(id, who, 120));
                    if (!ack.Ok)
                        throw new InvalidOperationException($"Posting failed: {ack.Error}");
                }
            }
        );
    }

    /// <summary>
    /// Signs the member in again. The server re-checks a sign-in cookie's security stamp once it is a minute old and
    /// then issues a new one, which a browser keeps but wrk does not: with a stale cookie every request would pay that
    /// check. A fresh cookie before each page keeps the run what a browser sees.
    /// </summary>
    public async Task RefreshCookieAsync() =>
        MemberCookie = (await SignIn.CookiesAsync(App.BaseUrl, [MemberEmail], Seeder.Password, 1, quiet: true))[0];

    /// <summary>The member pages measured, plus the anonymous sign-in page.</summary>
    public IEnumerable<PageTarget> Pages(PageOptions o)
    {
        var c = $"/cohorts/{CohortId}";
        var s = $"{c}/sessions/{SessionId}";
        PageTarget[] all =
        [
            new("/ dashboard", "/"),
            new("/cohorts/{id}", c),
            new("session page", s),
            new("lesson page", $"{c}/lessons/{LessonSlug}"),
            new("projects", $"{c}/projects"),
            new("notifications", "/notifications"),
            new("profile", "/account/profile"),
            new($"live room ({(o.Responses > 0 ? o.Responses : 0)} responses)", $"{s}/live"),
            new("anonymous /account/signin", "/account/signin", SignedIn: false),
        ];
        return all.Where(p => o.Only is null || p.Name.Contains(o.Only, StringComparison.OrdinalIgnoreCase));
    }
}
