using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Errors;

/// <summary>The page behind every error status; it says what happened in words, never with a stack trace.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // The code comes from the route only: a re-executed POST whose form can't be read must not lose it.
    public void OnGet([FromRoute] int code) => Describe(code);

    public void OnPost([FromRoute] int code) => Describe(code);

    private void Describe(int code)
    {
        code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code;
        // Keep the original status when re-executed; a direct visit to /error/404 answers 404 too.
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        (Heading, Explanation) = code switch
        {
            404 => (
                "Page not found",
                "There is nothing here, or it is not shared with you. Check the link, or ask the person who sent it."
            ),
            403 => (
                "Not allowed",
                "Your account can't do this. If you think it should, ask a facilitator or an instance admin."
            ),
            400 => (
                "That request didn't look right",
                "Something in the form or link was malformed. Go back, reload the page and try again."
            ),
            405 => ("Not allowed here", "This address doesn't accept that kind of request."),
            413 => ("Too large", "What you sent is larger than Kindling accepts. Nothing was saved."),
            429 => (
                "Slow down",
                $"There were too many of these requests in a short time, so Kindling is pausing them for a while to "
                    + $"keep accounts safe. Nothing was saved. Try again {RetryAfter()}."
            ),
            _ => (
                "Something went wrong",
                "Kindling hit an unexpected problem and nothing was changed. Try again; if it keeps happening, tell "
                    + "your instance admin."
            ),
        };
        if (HttpContext.Items[FormGuard.DetailKey] is string detail)
            Explanation = detail;
    }

    /// <summary>"in about 3 minutes", from the Retry-After header the rate limiter set (seconds).</summary>
    private string RetryAfter()
    {
        if (!int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds))
            return "in a minute or two";
        var minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "in about a minute" : $"in about {minutes} minutes";
    }
}
