using Kindling.Web.Kernel;

namespace Kindling.Web.Features.Api;

public static class ApiCohorts
{
    /// <summary>
    /// <c>/cohorts/{cohortId}</c> under the API, through the pages' cohort check (<see cref="CohortAccess"/>): 404 for
    /// outsiders, for members who have not acknowledged the guidelines and for a token narrowed to another cohort; 403
    /// for a missing role or for a facilitator without the two-factor sign-in the cohort asks for. Handlers read the
    /// membership from <see cref="CurrentCohort"/>.
    /// </summary>
    public static RouteGroupBuilder MapApiCohort(this RouteGroupBuilder api, CohortNeed need = CohortNeed.Member)
    {
        var group = api.MapGroup("/cohorts/{cohortId:guid}");
        group.AddEndpointFilter(
            async (context, next) =>
            {
                var http = context.HttpContext;
                if (!Guid.TryParse(http.GetRouteValue("cohortId")?.ToString(), out var cohortId))
                    return ApiProblems.NotFound();
                if (TokenClaims.CohortOf(http.User) is { } only && only != cohortId)
                    return ApiProblems.NotFound("This token reaches one other cohort only.");
                var (membership, verdict) = await http
                    .RequestServices.GetRequiredService<CohortAccess>()
                    .CheckAsync(cohortId, http.User, need);
                switch (verdict)
                {
                    case CohortVerdict.Forbidden:
                        return ApiProblems.Forbidden(
                            need == CohortNeed.Facilitator
                                ? "Only the cohort's facilitators may do this."
                                : "Observers read only; participants and facilitators may write."
                        );
                    case CohortVerdict.TwoFactorRequired:
                        return ApiProblems.Forbidden(
                            "This cohort asks its facilitators to use two-factor sign-in; turn it on on your profile "
                                + "page first."
                        );
                    case CohortVerdict.Allowed:
                        break;
                    default:
                        return ApiProblems.NotFound(
                            "No cohort of yours has this id (or you have not accepted its guidelines yet)."
                        );
                }
                http.RequestServices.GetRequiredService<CurrentCohort>().Membership = membership!;
                return await next(context);
            }
        );
        return group;
    }
}
