namespace Kindling.Bench;

/// <summary>A seeded session whose people have signed in: cookies for the participants and, when asked for, its
/// facilitator.</summary>
public sealed record Crowd(SeededSession Seeded, string[] Cookies, string? FacilitatorCookie)
{
    /// <summary>Seeds <paramref name="count"/> participants (and a facilitator) in a new session and signs every one in
    /// through the sign-in page.</summary>
    public static async Task<Crowd> SignInAsync(BenchOptions o, AppUnderTest app, int count, bool facilitator)
    {
        var seeded = await Seeder.SeedAsync(app.DatabaseProvider, app.Database, count, facilitator);
        var emails = seeded.FacilitatorEmail is { } f ? [.. seeded.Emails, f] : seeded.Emails;
        Console.Error.WriteLine(
            $"Signing {emails.Count} people in through /account/signin (210,000-iteration password hashing)…"
        );
        var cookies = await SignIn.CookiesAsync(app.BaseUrl, emails, Seeder.Password, o.SignInParallelism);
        return facilitator ? new Crowd(seeded, cookies[..^1], cookies[^1]) : new Crowd(seeded, cookies, null);
    }

    /// <summary>The hub connections' participants of this session (hub addresses from --hub-url, or the tool's
    /// --url).</summary>
    public Participants People(BenchOptions o, AppUnderTest app) => new(app.BaseUrl, Seeded.SessionId, o.HubUrls);

    /// <summary>
    /// Throwaway participants in a session of their own sign in, join, post once and leave, and the server settles: what
    /// the process fills once (JIT, EF Core's and Identity's caches, pools) is then in the baseline read after it.
    /// </summary>
    public static async Task WarmUpAsync(BenchOptions o, AppUnderTest app, Memory memory)
    {
        if (o.WarmupParticipants == 0)
            return;
        Console.Error.WriteLine($"Warm-up: {o.WarmupParticipants} throwaway participants sign in, join, post, leave…");
        var crowd = await SignInAsync(o, app, o.WarmupParticipants, facilitator: false);
        await using (var people = crowd.People(o, app))
        {
            await people.GrowToAsync(o.WarmupParticipants, crowd.Cookies, o.ConnectParallelism);
            await Task.WhenAll(
                people.Clients.Select((c, i) => c.AddResponseAsync(people.SectionId, Participants.Text(i, i, 120)))
            );
        }
        await memory.WarmedAsync(o.WarmupParticipants);
    }
}
