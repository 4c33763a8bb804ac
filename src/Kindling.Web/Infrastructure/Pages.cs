using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Infrastructure;

public static class PagesSetup
{
    public const long MaxRequestBodyBytes = 4_000_000;

    public static void AddKindlingPages(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToFolder("/Errors");
                o.Conventions.AllowAnonymousToPage("/Dashboard/Index");
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/SignUp");
                o.Conventions.AllowAnonymousToPage("/Account/SignInTwoFactor");
                o.Conventions.AllowAnonymousToPage("/Account/Forgot");
                o.Conventions.AllowAnonymousToPage("/Account/Reset");
                o.Conventions.AllowAnonymousToPage("/Account/Confirm");
                o.Conventions.AllowAnonymousToPage("/Invitations/Accept");
                o.Conventions.AllowAnonymousToPage("/Admin/Setup");
                // A concern's receipt page answers to its secret link alone: an anonymous reporter may be signed out.
                o.Conventions.AllowAnonymousToPage("/Concerns/Receipt");
                o.Conventions.AllowAnonymousToPage("/Messages/Unsubscribe/Index");
                // Shown right after an account was deleted, to the person now signed out.
                o.Conventions.AllowAnonymousToPage("/PersonalData/Deleted");
                o.Conventions.AuthorizeFolder("/Admin", IdentitySetup.AdminPolicy);
                o.Conventions.AuthorizeFolder("/Curricula", IdentitySetup.FacilitatorPolicy);
                o.Conventions.AuthorizePage("/Cohorts/New", IdentitySetup.FacilitatorPolicy);
            })
            .AddMvcOptions(o =>
            {
                o.MaxModelValidationErrors = 50;
                o.Filters.Add(new FormGuard());
            })
            // No script reads data-val-* attributes: the server checks every form and shows its messages. Left on,
            // each field's validators are looked up and written on every render (the profile page's seven fields).
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // The largest legitimate posts: a worksheet (60 fields, tables up to 110 rows) and a 200 KB lesson.
        // A curriculum zip raises the body limit for its own page ([RequestSizeLimit]).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = 4096;
            o.ValueLengthLimit = 1_000_000;
        });
        builder.Services.Configure<ApiBehaviorOptions>(_ => { });
        builder.Services.AddCohortAccess();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
    }

    /// <summary>People see a readable page for every error status; no stack trace ever reaches a page.</summary>
    public static void UseKindlingErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // No text Kindling stores may hold NUL (PostgreSQL refuses it); Kestrel already refuses it in paths and
        // FormGuard in forms, so refuse it in query strings too, before anything looks one up.
        app.Use(
            async (ctx, next) =>
            {
                if (ctx.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
                {
                    ctx.Items[FormGuard.DetailKey] =
                        "The address contains a character Kindling can't use (a NUL control character). Check the "
                        + "link.";
                    ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                await next();
            }
        );
        app.Use(
            async (ctx, next) =>
            {
                ctx.Response.Headers.XContentTypeOptions = "nosniff";
                ctx.Response.Headers["Referrer-Policy"] = "same-origin";
                ctx.Response.Headers.XFrameOptions = "DENY";
                ctx.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src "
                    + "'none'; base-uri 'self'; frame-ancestors 'none'";
                await next();
            }
        );
    }

    /// <summary>
    /// Whatever a signed-in person is answered is theirs alone: no shared cache (a proxy, a shared computer's disk)
    /// may keep it. Runs after authentication; static files are answered earlier and keep their caching.
    /// </summary>
    public static void UseKindlingPrivateResponses(this WebApplication app) =>
        app.Use(
            (ctx, next) =>
            {
                ctx.Response.OnStarting(() =>
                {
                    if (ctx.User.Identity?.IsAuthenticated == true)
                        MarkPrivate(ctx.Response);
                    return Task.CompletedTask;
                });
                return next(ctx);
            }
        );

    /// <summary>For answers that are private without a sign-in too, e.g. a calendar feed behind a secret
    /// address.</summary>
    public static void MarkPrivate(HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
