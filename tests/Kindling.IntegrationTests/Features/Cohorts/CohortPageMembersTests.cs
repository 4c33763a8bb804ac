using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Cohorts;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Cohorts;

/// <summary>A large cohort's page lists its facilitators and the first members, says how many there are, and shows
/// everyone on request (a link, no JavaScript).</summary>
[Collection(SecondAppCollection.Name)]
public class CohortPageMembersTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LargeCohort_ListsTheFirstMembers_AndAllOnRequest(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var extra = DetailsModel.MembersListed + 10;
        await s.App.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.Include(c => c.Members).FirstAsync(c => c.Id == s.CohortId);
            for (var i = 0; i < extra; i++)
            {
                var email = $"crowd-{i:D3}-{Guid.NewGuid():N}@example.org";
                var user = new AppUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"Crowd member {i:D3}",
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                cohort.AddMember(user.Id, CohortRole.Participant, DateTime.UtcNow).AcknowledgedUtc = DateTime.UtcNow;
            }
            return await db.SaveChangesAsync();
        });
        var total = await s.App.WithDbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == s.CohortId));
        var facilitator = s.Users["facilitator"].DisplayName;

        using var participant = await s.ClientAsAsync("participant");
        var page = await participant.GetAsync($"/cohorts/{s.CohortId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Members ({total})", page.Document.QuerySelector("#members-h")!.TextContent.Trim());
        var listed = page.Document.QuerySelectorAll("ul.members li").Select(li => li.TextContent).ToList();
        Assert.Equal(DetailsModel.MembersListed, listed.Count);
        Assert.Contains(facilitator, listed[0], StringComparison.Ordinal); // facilitators first
        var more = page
            .Document.QuerySelectorAll("a")
            .Single(a => a.TextContent.StartsWith("Show all", StringComparison.Ordinal));
        Assert.Equal($"Show all {total} members", more.TextContent.Trim());

        var all = await participant.GetAsync($"/cohorts/{s.CohortId}" + more.GetAttribute("href"));
        Assert.Equal(total, all.Document.QuerySelectorAll("ul.members li").Length);
        Assert.Contains(
            all.Document.QuerySelectorAll("ul.members li"),
            li => li.TextContent.Contains("Crowd member 069")
        );
        Assert.DoesNotContain(
            all.Document.QuerySelectorAll("a"),
            a => a.TextContent.StartsWith("Show all", StringComparison.Ordinal)
        );
    }
}
