using System.Globalization;
using System.Net;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Invitations;

/// <summary>The steps people take with invitation links, driven through the pages.</summary>
public static class InvitationFlow
{
    /// <summary>Creates an invitation on the cohort's invitations page and returns the path of the new link
    /// ("/invite/...").</summary>
    public static async Task<string> CreateAsync(
        PageClient facilitator,
        Guid cohortId,
        string role,
        string uses = "single",
        int days = 14
    )
    {
        var url = $"/cohorts/{cohortId}/invitations";
        var result = await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string>
            {
                ["Input.Role"] = role,
                ["Input.Uses"] = uses,
                ["Input.ExpiresInDays"] = days.ToString(CultureInfo.InvariantCulture),
            },
            url + "?handler=Create"
        );
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await facilitator.GetAsync(url);
        return NewestLink(page);
    }

    /// <summary>The link in the first (newest) read-only, labelled link field of a page.</summary>
    public static string NewestLink(PageClient.Page page)
    {
        var input =
            page.Document.QuerySelector("input[data-copy][readonly]")
            ?? throw new InvalidOperationException("The page lists no invitation link.");
        Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
        var link = new Uri(input.GetAttribute("value")!);
        Assert.StartsWith("/invite/", link.AbsolutePath);
        return link.AbsolutePath;
    }

    public static string Token(string invitePath) => invitePath["/invite/".Length..];

    /// <summary>Signs up anonymously with the invitation's token; returns the answer to the sign-up form.</summary>
    public static async Task<(PageClient Client, PageClient.Page Result, string Email)> SignUpAsync(
        KindlingApp app,
        string invitePath,
        string name
    )
    {
        var token = Token(invitePath);
        var email = $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";
        var client = app.Client();
        var signup = $"/account/signup?invite={token}";
        var page = await client.GetAsync(signup);
        if (page.Status != HttpStatusCode.OK)
            return (client, page, email);
        var result = await client.PostFormAsync(
            signup,
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = name,
                ["Input.Email"] = email,
                ["Input.Password"] = CohortScenario.Password,
                ["Input.ConfirmPassword"] = CohortScenario.Password,
                ["Input.TimeZoneId"] = "Europe/Berlin",
                ["Invite"] = token,
            }
        );
        return (client, result, email);
    }

    /// <summary>Several people open the sign-up form, then all post it at the same moment.</summary>
    public static async Task<List<(PageClient.Page Result, string Email)>> SignUpTogetherAsync(
        KindlingApp app,
        string invitePath,
        int people
    )
    {
        var token = Token(invitePath);
        var signup = $"/account/signup?invite={token}";
        var clients = Enumerable.Range(0, people).Select(_ => app.Client()).ToList();
        try
        {
            var formTokens = await Task.WhenAll(clients.Select(c => c.TokenAsync(signup)));
            var posts = clients.Select(
                (client, i) =>
                {
                    var email = $"together-{i}-{Guid.NewGuid():N}@example.org";
                    return Task.Run(async () =>
                        (
                            await client.PostWithTokenAsync(
                                signup,
                                new Dictionary<string, string>
                                {
                                    ["Input.DisplayName"] = $"Person {i}",
                                    ["Input.Email"] = email,
                                    ["Input.Password"] = CohortScenario.Password,
                                    ["Input.ConfirmPassword"] = CohortScenario.Password,
                                    ["Input.TimeZoneId"] = "Europe/Berlin",
                                    ["Invite"] = token,
                                },
                                formTokens[i]
                            ),
                            email
                        )
                    );
                }
            );
            return (await Task.WhenAll(posts)).ToList();
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    public static async Task<PageClient.Page> AcknowledgeAsync(PageClient client, Guid cohortId, bool agree = true)
    {
        var url = $"/cohorts/{cohortId}/welcome";
        var fields = new Dictionary<string, string>();
        if (agree)
            fields["Agree"] = "true";
        return await client.PostFormAsync(url, fields);
    }
}
