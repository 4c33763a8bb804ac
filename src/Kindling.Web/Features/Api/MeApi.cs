using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

public sealed record MeView(
    string Id,
    string DisplayName,
    string Email,
    string TimeZone,
    string? Pronouns,
    string? Title,
    string? Organisation,
    IReadOnlyList<string> Roles,
    TokenView? Token
);

/// <summary>The token the request came with; null for the browser's cookie.</summary>
public sealed record TokenView(string Scope, Guid? CohortId);

public sealed record CohortSummary(Guid Id, string Name, string MyRole, string TimeZone, DateTime JoinedUtc);

public static class MeApi
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMeAsync).WithName("getMe").WithSummary("Who the token or cookie acts as");
        api.MapGet("/cohorts", GetMyCohortsAsync)
            .WithName("listMyCohorts")
            .WithSummary("The cohorts you take part in (only the token's cohort for a narrowed token)");
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMeAsync(HttpContext http, KindlingDb db)
    {
        var id = CohortAccess.UserId(http.User);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (user is null)
            return ApiProblems.NotFound("This account no longer exists.");
        var roles = await db
            .UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(n => n)
            .ToListAsync();
        var token = TokenClaims.IsToken(http.User)
            ? new TokenView(TokenClaims.ReadOnly(http.User) ? "read" : "write", TokenClaims.CohortOf(http.User))
            : null;
        return TypedResults.Ok(
            new MeView(
                user.Id,
                user.DisplayName,
                user.Email ?? "",
                user.TimeZoneId,
                user.Pronouns,
                user.Title,
                user.Organisation,
                roles,
                token
            )
        );
    }

    private static async Task<Ok<List<CohortSummary>>> GetMyCohortsAsync(HttpContext http, KindlingDb db)
    {
        var id = CohortAccess.UserId(http.User);
        var only = TokenClaims.CohortOf(http.User);
        var rows = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.UserId == id && (only == null || m.CohortId == only))
            .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { m, c })
            .OrderBy(x => x.c.Name)
            .Select(x => new
            {
                x.c.Id,
                x.c.Name,
                x.m.Role,
                x.c.TimeZoneId,
                x.m.JoinedUtc,
            })
            .ToListAsync();
        return TypedResults.Ok(
            rows.Select(r => new CohortSummary(r.Id, r.Name, CohortRoles.Value(r.Role), r.TimeZoneId, r.JoinedUtc))
                .ToList()
        );
    }
}
