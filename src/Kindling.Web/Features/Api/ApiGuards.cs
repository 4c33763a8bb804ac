namespace Kindling.Web.Features.Api;

/// <summary>Checks every API request makes before its handler runs.</summary>
public static class ApiGuards
{
    /// <summary>
    /// A read-only token reads only. A browser's cookie writes only with a JSON body, which another site's page cannot
    /// send without the browser asking Kindling first (CORS), so a signed-in visitor cannot be made to write.
    /// </summary>
    public static async ValueTask<object?> ScopeAndOrigin(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            return await next(context);
        if (TokenClaims.IsToken(http.User))
        {
            if (TokenClaims.ReadOnly(http.User))
                return ApiProblems.Forbidden(
                    "This token may only read. Make a token with write access on your profile page to change things."
                );
        }
        else if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Status(
                StatusCodes.Status415UnsupportedMediaType,
                "From a browser, the API takes changes only as JSON (Content-Type: application/json)."
            );
        return await next(context);
    }
}
