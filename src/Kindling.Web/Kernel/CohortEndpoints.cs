namespace Kindling.Web.Kernel;

/// <summary>The membership a cohort endpoint runs for, set by the cohort check before the handler runs.</summary>
public sealed class CurrentCohort
{
    public Membership Membership { get; internal set; } = null!;
    public Guid CohortId => Membership.Cohort.Id;
}

public static class CohortEndpoints
{
    /// <summary>
    /// A group of endpoints under <c>/cohorts/{cohortId}</c> that answer only after the cohort check, the same one the
    /// pages use: 404 for outsiders and for members who have not acknowledged the guidelines, 403 for a missing role
    /// and for a facilitator without the two-factor sign-in the cohort asks for.
    /// Handlers read the membership from <see cref="CurrentCohort"/>.
    /// </summary>
    public static RouteGroupBuilder MapCohortGroup(this IEndpointRouteBuilder app, CohortNeed need = CohortNeed.Member)
    {
        var group = app.MapGroup("/cohorts/{cohortId:guid}");
        group
            .RequireAuthorization()
            .AddEndpointFilter(
                async (context, next) =>
                {
                    var http = context.HttpContext;
                    if (!Guid.TryParse(http.GetRouteValue("cohortId")?.ToString(), out var cohortId))
                        return Results.NotFound();
                    var (membership, verdict) = await http
                        .RequestServices.GetRequiredService<CohortAccess>()
                        .CheckAsync(cohortId, http.User, need);
                    if (verdict is CohortVerdict.Forbidden or CohortVerdict.TwoFactorRequired)
                        return Results.StatusCode(StatusCodes.Status403Forbidden);
                    if (verdict != CohortVerdict.Allowed)
                        return Results.NotFound();
                    http.RequestServices.GetRequiredService<CurrentCohort>().Membership = membership!;
                    return await next(context);
                }
            );
        return group;
    }

    public static IServiceCollection AddCohortAccess(this IServiceCollection services) =>
        services.AddScoped<CohortAccess>().AddScoped<CurrentCohort>();
}
