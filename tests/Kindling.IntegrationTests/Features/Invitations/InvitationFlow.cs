using System.Net;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Invitations;

/// <summary>The steps people take with invitation links, driven through the pages.</summary>
public static class InvitationFlow
{
    /// <summary>Creates an invitation on the cohort's invitations page and returns the path of the new link ("/invite/...").</summary>
    public static async Task<string> CreateAsync(PageClient facilitator, Guid cohortId, string role, string uses = "single", int days = 14)
    {
        var url = $"/cohorts/{cohortId}/invitations";
        var result = await facilitator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Role"] = role, ["Input.Uses"] = uses, ["Input.ExpiresInDays"] = days.ToString(),
        }, url + "?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await facilitator.GetAsync(url);
        return NewestLink(page);
    }

    /// <summary>The link in the first (newest) read-only, labelled link field of a page.</summary>
    public static string NewestLink(PageClient.Page page)
    {
        var input = page.Document.QuerySelector("input[data-copy][readonly]")
            ?? throw new InvalidOperationException("The page lists no invitation link.");
        Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
        var link = new Uri(input.GetAttribute("value")!);
        Assert.StartsWith("/invite/", link.AbsolutePath);
        return link.AbsolutePath;
    }

    public static string Token(string invitePath) => invitePath["/invite/".Length..];

    /// <summary>Signs up anonymously with the invitation's token; returns the answer to the sign-up form.</summary>
    public static async Task<(PageClient Client, PageClient.Page Result, string Email)> SignUpAsync(KindlingApp app, string invitePath, string name)
    {
        var token = Token(invitePath);
        var email = $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";
        var client = app.Client();
        var signup = $"/account/signup?invite={token}";
        var page = await client.GetAsync(signup);
        if (page.Status != HttpStatusCode.OK) return (client, page, email);
        var result = await client.PostFormAsync(signup, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = CohortScenario.Password,
            ["Input.ConfirmPassword"] = CohortScenario.Password, ["Input.TimeZoneId"] = "Europe/Berlin", ["Invite"] = token,
        });
        return (client, result, email);
    }

    public static async Task<PageClient.Page> AcknowledgeAsync(PageClient client, Guid cohortId, bool agree = true)
    {
        var url = $"/cohorts/{cohortId}/welcome";
        var fields = new Dictionary<string, string>();
        if (agree) fields["Agree"] = "true";
        return await client.PostFormAsync(url, fields);
    }
}
