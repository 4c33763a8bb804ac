using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>Registers webhooks through the page, as a facilitator does, and reads them back.</summary>
internal static class WebhookArrange
{
    public static string PageUrl(Guid cohortId) => $"/cohorts/{cohortId}/webhooks";

    /// <summary>Posts the add form with one value per ticked event box (the form token taken from
    /// <paramref name="tokenPage"/>, by default the webhooks page).</summary>
    public static async Task<PageClient.Page> AddAsync(
        PageClient client,
        Guid cohortId,
        string url,
        string[] events,
        string? tokenPage = null
    )
    {
        var page = PageUrl(cohortId);
        var token = await client.TokenAsync(tokenPage ?? page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("Input.Url", url),
        };
        fields.AddRange(events.Select(e => new KeyValuePair<string, string>("Input.Events", e)));
        var response = await client.Http.PostAsync(page, new FormUrlEncodedContent(fields));
        return await PageClient.Page.FromAsync(response);
    }

    /// <summary>Adds a webhook and returns its page's address and its secret as the page shows it.</summary>
    public static async Task<(string Page, string Secret)> RegisterAsync(
        PageClient facilitator,
        Guid cohortId,
        string url,
        params string[] events
    )
    {
        var added = await AddAsync(facilitator, cohortId, url, events);
        var page =
            added.Location?.OriginalString
            ?? throw new InvalidOperationException($"Not added: {string.Join("; ", added.Errors)}");
        var shown = await facilitator.GetAsync(page);
        var secret =
            shown.Document.QuerySelector("input#secret")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The webhook page shows no secret.");
        return (page, secret);
    }

    /// <summary>Posts one of the webhook page's buttons.</summary>
    public static Task<PageClient.Page> PressAsync(
        PageClient client,
        string page,
        string handler,
        Dictionary<string, string>? fields = null
    ) => client.PostFormAsync(page, fields ?? [], $"{page}?handler={handler}");

    /// <summary>Waits (real time) until the condition holds, e.g. the sender has recorded an attempt.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not come true within 20 seconds.");
            await Task.Delay(50);
        }
    }
}
