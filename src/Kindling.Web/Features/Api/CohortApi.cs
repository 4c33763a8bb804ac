using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

public sealed record CohortView(
    Guid Id,
    string Name,
    string Description,
    string TimeZone,
    string Curriculum,
    string MyRole,
    string Guidelines,
    string CodeOfConduct
);

public sealed record SessionSummary(
    Guid Id,
    string Lesson,
    string LessonSlug,
    DateTime StartsUtc,
    DateTime EndsUtc,
    string? JoinUrl,
    bool DocumentOpen
);

/// <summary>A member as the caller may see them: facilitators also see the address and the dates.</summary>
public sealed record MemberView(
    string Id,
    string DisplayName,
    string? Pronouns,
    string Role,
    string? Email,
    DateTime? JoinedUtc,
    DateTime? AcknowledgedUtc
);

public static class CohortApi
{
    public static void MapCohortApi(this RouteGroupBuilder member)
    {
        member.MapGet("/", GetCohort).WithName("getCohort").WithSummary("One of your cohorts");
        member.MapGet("/sessions", ListSessionsAsync).WithName("listSessions").WithSummary("The cohort's sessions");
        member
            .MapGet("/members", ListMembersAsync)
            .WithName("listMembers")
            .WithSummary("The cohort's members (facilitators also see addresses and dates)");
    }

    private static Ok<CohortView> GetCohort(CurrentCohort current)
    {
        var c = current.Membership.Cohort;
        return TypedResults.Ok(
            new CohortView(
                c.Id,
                c.Name,
                c.Description,
                c.TimeZoneId,
                c.Curriculum?.Title ?? "",
                CohortRoles.Value(current.Membership.Member.Role),
                c.Guidelines,
                c.CodeOfConduct
            )
        );
    }

    private static async Task<Ok<List<SessionSummary>>> ListSessionsAsync(CurrentCohort current, KindlingDb db)
    {
        var rows = await db
            .Sessions.AsNoTracking()
            .Where(s => s.CohortId == current.CohortId)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new
            {
                s.Id,
                Title = s.LessonVersion != null ? s.LessonVersion.Title : s.Lesson!.Title,
                s.Lesson!.Slug,
                s.StartsUtc,
                s.PresentationMinutes,
                s.DiscussionMinutes,
                s.JoinUrl,
                Open = db.LiveDocuments.Any(d => d.SessionId == s.Id),
            })
            .ToListAsync();
        return TypedResults.Ok(
            rows.Select(s => new SessionSummary(
                    s.Id,
                    s.Title,
                    s.Slug,
                    s.StartsUtc,
                    s.StartsUtc.AddMinutes(s.PresentationMinutes + s.DiscussionMinutes),
                    s.JoinUrl,
                    s.Open
                ))
                .ToList()
        );
    }

    private static async Task<Ok<List<MemberView>>> ListMembersAsync(CurrentCohort current, KindlingDb db)
    {
        var facilitator = current.Membership.IsFacilitator;
        var rows = await db
            .CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == current.CohortId)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.User!.DisplayName)
            .Select(m => new
            {
                m.UserId,
                m.User!.DisplayName,
                m.User.Pronouns,
                m.Role,
                m.User.Email,
                m.JoinedUtc,
                m.AcknowledgedUtc,
            })
            .ToListAsync();
        return TypedResults.Ok(
            rows.Select(m => new MemberView(
                    m.UserId,
                    m.DisplayName,
                    m.Pronouns,
                    CohortRoles.Value(m.Role),
                    facilitator ? m.Email : null,
                    facilitator ? m.JoinedUtc : null,
                    facilitator ? m.AcknowledgedUtc : null
                ))
                .ToList()
        );
    }
}
