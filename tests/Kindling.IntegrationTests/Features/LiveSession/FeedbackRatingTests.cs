using System.Net;
using System.Text.RegularExpressions;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The optional "How useful was this session? 1–5" on the feedback form.</summary>
[Collection(SecondAppCollection.Name)]
public class FeedbackRatingTests(Apps apps)
{
    private static string Url(CohortScenario s) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback";

    private static Dictionary<string, string> Form(string rating, string worked = "") =>
        new()
        {
            ["Input.Worked"] = worked,
            ["Input.DidNotWork"] = "",
            ["Input.WouldChange"] = "",
            ["Input.Surprised"] = "",
            ["Input.Plus"] = "",
            ["Input.Delta"] = "",
            ["Input.Rating"] = rating,
            ["Input.Anonymous"] = "false",
        };

    private static Task<int?[]> RatingsAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.SessionFeedback.Where(f => f.SessionId == s.SessionId).Select(f => f.Rating).ToArrayAsync()
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rating_OneToFiveOrEmpty_StoredAndShown_OtherValuesRefusedWithMessage(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var par = await s.ClientAsAsync("participant");

        foreach (var bad in new[] { "0", "6", "abc", "3.5", "-1" })
        {
            var refused = await par.PostFormAsync(Url(s), Form(bad, worked: "Good pace"));
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("takes a whole number from 1 to 5"));
        }
        Assert.Empty(await RatingsAsync(s));

        // A rating alone is an answer.
        Assert.Equal(HttpStatusCode.Redirect, (await par.PostFormAsync(Url(s), Form("4"))).Status);
        Assert.Equal([4], await RatingsAsync(s));
        var mine = await par.GetAsync(Url(s));
        Assert.Equal("4", mine.Document.QuerySelector("input[name='Input.Rating'][checked]")!.GetAttribute("value"));

        using var obs = await s.ClientAsAsync("observer");
        Assert.Equal(HttpStatusCode.Redirect, (await obs.PostFormAsync(Url(s), Form("", worked: "Clear"))).Status);
        Assert.Equal([4, null], (await RatingsAsync(s)).OrderBy(r => r is null));

        using var fac = await s.ClientAsAsync("facilitator");
        var list = await fac.GetAsync(Url(s));
        Assert.Contains("4 of 5", list.Document.QuerySelector(".feedback-list")!.TextContent);
        var average = Regex.Replace(list.Document.QuerySelector("#rating-average")!.TextContent, @"\s+", " ");
        Assert.Contains("Average usefulness: 4.0 of 5, from 1 rating.", average);

        // Clearing the rating keeps the other answers.
        Assert.Equal(HttpStatusCode.Redirect, (await par.PostFormAsync(Url(s), Form("", worked: "Pace"))).Status);
        Assert.Equal([null, null], await RatingsAsync(s));
    }
}
