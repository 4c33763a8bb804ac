using System.Security.Claims;
using System.Text.Encodings.Web;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Api;

/// <summary>Claims a token adds to its person's usual ones.</summary>
public static class TokenClaims
{
    public const string TokenId = "kindling:token";

    /// <summary>"read" or "write".</summary>
    public const string Scope = "kindling:token-scope";

    /// <summary>The one cohort a narrowed token reaches.</summary>
    public const string Cohort = "kindling:token-cohort";

    public static bool IsToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenId);

    public static bool ReadOnly(ClaimsPrincipal user) => user.FindFirstValue(Scope) == "read";

    public static Guid? CohortOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Cohort), out var id) ? id : null;
}

/// <summary>
/// "Authorization: Bearer kdl_…": the token's person, with the claims a cookie sign-in would give them (roles, security
/// stamp) and the token's scope. Expired tokens, revoked ones (deleted) and disabled accounts are refused.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KindlingDb db,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KindlingToken";

    /// <summary>How stale "last used" may get: one write per token per minute at most.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!TokenSecrets.LooksLikeOne(secret))
            return AuthenticateResult.Fail("This is not a Kindling token.");
        var hash = TokenSecrets.Hash(secret);
        var found = await db
            .ApiTokens.Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null)
            return AuthenticateResult.Fail("The token is unknown or was revoked.");
        if (found.Token.ExpiresUtc is { } expires && expires <= now)
            return AuthenticateResult.Fail("The token has expired.");
        if (DisabledAccounts.IsDisabled(found.User))
            return AuthenticateResult.Fail("The token's account is disabled.");
        if (found.Token.LastUsedUtc is not { } used || now - used >= LastUsedPrecision)
            await db
                .ApiTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now));
        var principal = await principals.CreateAsync(found.User);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(TokenClaims.TokenId, found.Token.Id.ToString()));
        identity.AddClaim(new Claim(TokenClaims.Scope, found.Token.Scope == ApiTokenScope.Write ? "write" : "read"));
        if (found.Token.CohortId is { } cohort)
            identity.AddClaim(new Claim(TokenClaims.Cohort, cohort.ToString()));
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(signedIn, SchemeName));
    }

    /// <summary>Where the challenge leaves why a token was refused, for the problem the client gets.</summary>
    public const string FailureItem = "kindling:token-failure";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Context.Items[FailureItem] = failure;
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer realm=\"Kindling\""
            : "Bearer realm=\"Kindling\", error=\"invalid_token\"";
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
