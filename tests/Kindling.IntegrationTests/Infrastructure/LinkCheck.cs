using System.Net;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>Follows every link of a page that stays on the app, as the same signed-in person, and fails on any that
/// leads nowhere.</summary>
public static class LinkCheck
{
    /// <summary>Every same-site <c>a[href]</c> of <paramref name="page"/> (loaded from <paramref name="pageUrl"/>) must
    /// not answer 403, 404 or 5xx.</summary>
    public static async Task AssertNoDeadLinksAsync(this PageClient client, PageClient.Page page, string pageUrl)
    {
        var origin = new Uri("http://localhost");
        var baseUri = new Uri(origin, pageUrl);
        var targets = page
            .Document.QuerySelectorAll("a[href]")
            .Select(a => Uri.TryCreate(baseUri, a.GetAttribute("href"), out var u) ? u : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == origin.Scheme && u.Authority == origin.Authority)
            .Select(u => u.PathAndQuery)
            .Distinct()
            .ToList();
        Assert.NotEmpty(targets);
        var dead = new List<string>();
        foreach (var target in targets)
        {
            using var response = await client.Http.GetAsync(target);
            if (
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (int)response.StatusCode >= 500
            )
                dead.Add($"{target} → {(int)response.StatusCode}");
        }
        Assert.True(dead.Count == 0, $"Links on {pageUrl} that lead nowhere: {string.Join(", ", dead)}");
    }
}
