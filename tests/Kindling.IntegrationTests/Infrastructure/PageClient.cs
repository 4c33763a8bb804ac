using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>Drives the server-rendered pages like a browser without JavaScript: GET a page, fill its form, POST it with
/// the anti-forgery token.</summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;
    private static readonly HtmlParser Parser = new();

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await Page.FromAsync(response);
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes its anti-forgery token and posts <paramref name="fields"/> to
    /// <paramref name="action"/> (default: the page itself).</summary>
    public async Task<Page> PostFormAsync(string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var token = await TokenAsync(pageUrl);
        return await PostWithTokenAsync(action ?? pageUrl, fields, token);
    }

    public async Task<string> TokenAsync(string pageUrl)
    {
        var page = await GetAsync(pageUrl);
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} answered {(int)page.Status} without a form token.");
    }

    public async Task<Page> PostWithTokenAsync(string action, IDictionary<string, string> fields, string token)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var response = await Http.PostAsync(action, new FormUrlEncodedContent(all));
        return await Page.FromAsync(response);
    }

    public async Task<Page> SignInAsync(string email, string password)
    {
        var page = await PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }
        );
        if (page.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException(
                $"Sign-in as {email} failed: {page.Text[..Math.Min(400, page.Text.Length)]}"
            );
        return page;
    }

    public void Dispose() => Http.Dispose();

    public sealed record Page(
        HttpStatusCode Status,
        string Text,
        IHtmlDocument Document,
        Uri? Location,
        string? ContentType
    )
    {
        public IReadOnlyList<string> SetCookies { get; init; } = [];

        public static async Task<Page> FromAsync(HttpResponseMessage r)
        {
            var text = await r.Content.ReadAsStringAsync();
            return new Page(
                r.StatusCode,
                text,
                Parser.ParseDocument(text),
                r.Headers.Location,
                r.Content.Headers.ContentType?.MediaType
            )
            {
                SetCookies = r.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [],
            };
        }

        public IEnumerable<string> Errors =>
            Document
                .QuerySelectorAll(".errors li, .field-validation-error, [role=alert]")
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0);
    }
}
