using Microsoft.AspNetCore.Http.HttpResults;

namespace Kindling.Web.Features.Api;

/// <summary>The API's errors, each with a sentence saying what happened and what to do.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Status(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: ApiErrors.TitleOf(status));

    public static ProblemHttpResult NotFound(string detail = "There is nothing here, or you may not see it.") =>
        Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Forbidden(string detail) => Status(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, detail);

    /// <summary>One field's problem, as the pages would say it.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request has a problem",
            detail: message
        );
}
