using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Api;

/// <summary>
/// Every API error as RFC 9457 problem details (<c>application/problem+json</c>): statuses the pipeline answers with
/// no body (401, 405, 429, 415, …) get a title and a sentence, an exception becomes a 500 problem without the
/// exception's text, and the people's HTML error pages never answer an API request.
/// </summary>
public static class ApiErrors
{
    public static async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger("Kindling.Api")
                .LogError(e, "The API request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        if (http.Response.HasStarted || http.Response.StatusCode < 400 || http.Response.ContentLength > 0)
            return;
        if (http.Response.ContentType is not null)
            return;
        var status = http.Response.StatusCode;
        await http
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = status,
                        Title = TitleOf(status),
                        Detail = http.Items[TokenAuthenticationHandler.FailureItem] is string refused
                            ? refused + " Make a new token on your profile page."
                            : DetailOf(status),
                    },
                }
            );
    }

    public static string TitleOf(int status) =>
        status switch
        {
            400 => "Bad request",
            401 => "Sign-in required",
            403 => "Forbidden",
            404 => "Not found",
            405 => "Method not allowed",
            409 => "Conflict",
            413 => "Request too large",
            415 => "Unsupported media type",
            422 => "Invalid request",
            429 => "Too many requests",
            _ when status >= 500 => "Something went wrong",
            _ => "Request failed",
        };

    private static string DetailOf(int status) =>
        status switch
        {
            401 => "Send a personal access token as \"Authorization: Bearer kdl_…\" (make one on your profile page), "
                + "or sign in.",
            403 => "Your account or token may not do this.",
            404 => "There is nothing here, or you may not see it.",
            405 => "This address does not take that method; the API reference at /api/docs lists what it takes.",
            415 => "Send the request body as JSON (Content-Type: application/json).",
            429 => "Too many requests in a short time; wait as long as the Retry-After header says, then try again.",
            _ when status >= 500 => "Kindling could not finish the request. Try again; if it keeps happening, tell "
                + "your administrator.",
            _ => "The request could not be completed.",
        };
}
