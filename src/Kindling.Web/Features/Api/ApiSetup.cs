using Kindling.Web.Infrastructure;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Kindling.Web.Features.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c>: personal access tokens or the browser's cookie, the same cohort and worksheet
/// rules as the pages, RFC 9457 problem details for every error, one rate limit, and an OpenAPI 3.1 description at
/// <c>/openapi/v1.json</c>, browsable at <c>/api/docs</c>.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    /// <summary>Bearer token when the request carries one, else the sign-in cookie.</summary>
    public const string Scheme = "KindlingApi";
    public const string Policy = "Api";

    public static void AddKindlingApi(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(
                TokenAuthenticationHandler.SchemeName,
                null
            )
            .AddPolicyScheme(
                Scheme,
                null,
                o =>
                {
                    o.ForwardDefaultSelector = http =>
                        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                            ? TokenAuthenticationHandler.SchemeName
                            : IdentityConstants.ApplicationScheme;
                    // An API client is answered 401/403 with a problem, never sent to the sign-in page.
                    o.ForwardChallenge = TokenAuthenticationHandler.SchemeName;
                    o.ForwardForbid = TokenAuthenticationHandler.SchemeName;
                }
            );
        builder
            .Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        builder.Services.AddProblemDetails();
        builder.AddKindlingOpenApi();
    }

    /// <summary>Answers API requests' errors as problem details rather than the people's error pages. Goes right after
    /// <see cref="PagesSetup.UseKindlingErrorPages"/>.</summary>
    public static void UseKindlingApiErrors(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Prefix), api => api.Use(ApiErrors.HandleAsync));

    public static void MapKindlingApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimits.Api)
            .AddEndpointFilter(ApiGuards.ScopeAndOrigin)
            .WithTags("Kindling");
        api.MapMeEndpoints();
        api.MapCurriculumApi();
        var member = api.MapApiCohort();
        member.MapCohortApi();
        member.MapSessionApi();
        member.MapWorksheetApi();
        member.MapCharterApi();
        var facilitator = api.MapApiCohort(CohortNeed.Facilitator);
        facilitator.MapFeedbackApi();
        facilitator.MapExportApi();
        app.MapKindlingApiDocs();
    }
}
