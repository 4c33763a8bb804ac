using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Cohorts;

/// <summary>
/// Every address under /cohorts/{cohortId} — read from the app's own routing table, so a new page or download is
/// covered the day it is added — goes through the one cohort check: outsiders get 404, and a member who has not yet
/// acknowledged the cohort's guidelines is sent to the welcome page (pages) or refused (downloads and feeds).
/// </summary>
[Collection(SecondAppCollection.Name)]
public class CohortGateTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryCohortAddress_ForNewcomersAndOutsiders_GoesThroughTheCohortCheck(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var newcomer = await s.App.CreateUserAsync($"new-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        await s.App.WithDbAsync(async db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = s.CohortId,
                    UserId = newcomer.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = s.App.Clock.GetUtcNow().UtcDateTime,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var newcomerClient = s.App.Client();
        await newcomerClient.SignInAsync(newcomer.Email!, CohortScenario.Password);
        using var outsider = await s.ClientAsAsync("outsider");

        var addresses = CohortAddresses(s);
        Assert.Contains(addresses, a => a.EndsWith("/calendar.ics", StringComparison.Ordinal));
        Assert.Contains(addresses, a => a.EndsWith("/document.md", StringComparison.Ordinal));
        Assert.Contains(addresses, a => a.EndsWith("/charter.pdf", StringComparison.Ordinal));
        var welcome = $"/cohorts/{s.CohortId}/welcome";
        var wrong = new List<string>();
        foreach (var address in addresses)
        {
            var asOutsider = await outsider.GetAsync(address);
            if (asOutsider.Status != HttpStatusCode.NotFound)
                wrong.Add($"outsider {address}: {(int)asOutsider.Status}");
            var asNewcomer = await newcomerClient.GetAsync(address);
            var ok =
                address == welcome
                    ? asNewcomer.Status == HttpStatusCode.OK
                    : asNewcomer.Status == HttpStatusCode.NotFound
                        || asNewcomer.Status == HttpStatusCode.Redirect
                            && asNewcomer.Location?.OriginalString == welcome;
            if (!ok)
                wrong.Add($"newcomer {address}: {(int)asNewcomer.Status} {asNewcomer.Location}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Each GET route under /cohorts/{cohortId} with the scenario's cohort and session, other ids made
    /// up.</summary>
    internal static List<string> CohortAddresses(CohortScenario s)
    {
        var patterns = s
            .App.Services.GetServices<EndpointDataSource>()
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e =>
                e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } m
                || m.HttpMethods.Count == 0
                || m.HttpMethods.Contains("GET")
            )
            .Select(e => e.RoutePattern)
            .Where(p =>
                p.RawText is { } raw && raw.TrimStart('/').StartsWith("cohorts/{cohortId", StringComparison.Ordinal)
            )
            .ToList();
        var addresses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var segments = pattern.PathSegments.Select(segment =>
                string.Concat(
                    segment.Parts.Select(part =>
                        part switch
                        {
                            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart sep => sep.Content,
                            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => p.Name switch
                            {
                                "cohortId" => s.CohortId.ToString(),
                                "sessionId" => s.SessionId.ToString(),
                                _ when p.ParameterPolicies.Any(x => x.Content is "int") => "1",
                                _ when p.IsOptional => "",
                                _ => Guid.NewGuid().ToString(),
                            },
                            _ => "",
                        }
                    )
                )
            );
            addresses.Add("/" + string.Join("/", segments.Where(x => x.Length > 0)));
        }
        return [.. addresses];
    }
}
