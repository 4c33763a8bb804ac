using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Reads a posted form before anything else looks at it, so a form Kindling can't accept (too large, too many fields,
/// a value over the limit, a NUL character) is answered with 413 or 400 and a sentence saying which, and nothing runs.
/// Without it the antiforgery check fails on the unreadable form and the error page could not say why.
/// </summary>
public sealed class FormGuard : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The explanation the status page shows instead of its generic one (set in <see
    /// cref="HttpContext.Items"/>).</summary>
    public const string DetailKey = "kindling.error.detail";

    /// <summary>After the request-size and form-limit filters (900), before antiforgery validation (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
            return;
        // The error page re-executes the same request: its form was already judged.
        if (
            context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
        )
            return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLarge(context.HttpContext));
        }
        catch (InvalidDataException e)
            when (e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLarge(context.HttpContext));
        }
        catch (InvalidDataException e)
        {
            Refuse(context, StatusCodes.Status400BadRequest, Describe(e));
        }
        catch (BadHttpRequestException)
        {
            Refuse(
                context,
                StatusCodes.Status400BadRequest,
                "The form arrived incomplete or malformed. Reload the page and send it again."
            );
        }
    }

    private static void Refuse(AuthorizationFilterContext context, int status, string detail)
    {
        context.HttpContext.Items[DetailKey] = detail;
        context.Result = new StatusCodeResult(status);
    }

    private static string TooLarge(HttpContext http)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is > 0
            ? $"What you sent is larger than this form accepts ({Megabytes(limit.Value)}). Nothing was saved; "
                + $"shorten it or send a smaller file."
            : "What you sent is larger than this form accepts. Nothing was saved; shorten it or send a smaller file.";
    }

    private static string Megabytes(long bytes) =>
        bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.#} MB" : $"{bytes / 1000} KB";

    // The framework's messages name the limit that was hit; turn each into words a person can act on.
    private static string Describe(InvalidDataException e) =>
        e.Message switch
        {
            var m when m.Contains("count limit", StringComparison.OrdinalIgnoreCase) =>
                "The form has far more fields than any Kindling form. Nothing was saved; reload the page and send it "
                    + "again.",
            var m
                when m.Contains("length limit", StringComparison.OrdinalIgnoreCase)
                    || m.Contains("exceeded", StringComparison.OrdinalIgnoreCase) =>
                "A value in the form is longer than Kindling accepts. Nothing was saved; shorten it and send it again.",
            var m when m.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) =>
                "The form contains a character Kindling can't store (such as a NUL control character). Nothing was "
                    + "saved; remove it and send it again.",
            _ => "The form could not be read. Nothing was saved; reload the page and send it again.",
        };
}
