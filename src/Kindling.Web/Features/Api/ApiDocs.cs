using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Kindling.Web.Features.Api;

/// <summary>The OpenAPI 3.1 document of <c>/api/v1</c> (<c>/openapi/v1.json</c>) and its reference at
/// <c>/api/docs</c>.</summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";

    public static void AddKindlingOpenApi(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenApi(
            "v1",
            o =>
            {
                o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
                o.AddOperationTransformer(ApiDocProblems.AddAsync);
                o.AddDocumentTransformer(
                    (document, _, _) =>
                    {
                        document.Info = new OpenApiInfo
                        {
                            Title = "Kindling API",
                            Version = "v1",
                            Description =
                                "Everything a member can see and do in their cohorts, as JSON. Authenticate with a "
                                + "personal access token from your profile page: `Authorization: Bearer kdl_…`. A "
                                + "token acts as you, never beyond what you may do on the pages; a read token only "
                                + "reads, and a token narrowed to one cohort reaches only it. Errors are RFC 9457 "
                                + "problem details.",
                        };
                        document.Components ??= new OpenApiComponents();
                        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                        document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
                        {
                            Type = SecuritySchemeType.Http,
                            Scheme = "bearer",
                            Description = "A personal access token (kdl_…) made on your profile page.",
                        };
                        document.Security =
                        [
                            new OpenApiSecurityRequirement
                            {
                                [new OpenApiSecuritySchemeReference("token", document)] = [],
                            },
                        ];
                        return Task.CompletedTask;
                    }
                );
            }
        );

    public static void MapKindlingApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        // Scalar's page starts from inline scripts carrying a fresh nonce and styles itself inline: this page's policy
        // allows exactly those, and still no other site's scripts, frames or connections.
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(DocsPath),
            docs =>
                docs.Use(
                    (http, next) =>
                    {
                        http.Response.OnStarting(() =>
                        {
                            if (http.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                                http.Response.Headers.ContentSecurityPolicy =
                                    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; "
                                    + $"style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-{nonce}'; "
                                    + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
                            return Task.CompletedTask;
                        });
                        return next(http);
                    }
                )
        );
        app.MapScalarApiReference(
                DocsPath,
                o =>
                    o.WithTitle("Kindling API")
                        .WithOpenApiRoutePattern(DocumentPath)
                        .WithNonce()
                        .HideClientButton()
                        // Self-hosted: nothing from Scalar's own services (fonts, AI agent, telemetry, SDK and deploy
                        // buttons); the page talks to this server only.
                        .DisableDefaultFonts()
                        .DisableAgent()
                        .DisableMcp()
                        .DisableTelemetry()
                        .HideDeveloperTools()
                        .WithDotNetFlag(false)
                        .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl)
            )
            .AllowAnonymous();
    }
}
