using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kindling.Web.Features.Api;

/// <summary>The error answers every operation may give, documented once: problem details (RFC 9457).</summary>
public static class ApiDocProblems
{
    private static readonly (string Status, string Description)[] Common =
    [
        ("401", "No token or sign-in, or the token is unknown, revoked or expired."),
        ("403", "Your role or token may not do this (e.g. a read-only token writing, an observer adding)."),
        ("404", "Nothing here that you may see (outsiders get 404, not 403, so a cohort's existence stays private)."),
        ("429", "Too many requests; wait as the Retry-After header says."),
    ];

    /// <summary>A route value a handler takes from its group (the cohort check reads <c>cohortId</c>) is not one of
    /// the handler's parameters, so the document would leave it out; every <c>{name}</c> of the path is
    /// listed.</summary>
    private static void AddPathParameters(OpenApiOperation operation, string path)
    {
        operation.Parameters ??= [];
        foreach (
            var name in path.Split('/', '.')
                .Where(p => p.StartsWith('{') && p.EndsWith('}'))
                .Select(p => p[1..^1].Split(':')[0])
        )
            if (!operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path))
                operation.Parameters.Add(
                    new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Path,
                        Required = true,
                        Schema = name.EndsWith("Id", StringComparison.Ordinal)
                            ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                            : new OpenApiSchema { Type = JsonSchemaType.String },
                    }
                );
    }

    public static async Task AddAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken ct
    )
    {
        AddPathParameters(operation, context.Description.RelativePath ?? "");
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        operation.Responses ??= new OpenApiResponses();
        var statuses = Common.ToList();
        if (!HttpMethods.IsGet(context.Description.HttpMethod ?? "GET"))
            statuses.Add(("422", "The change was refused; the detail says why (e.g. the document is locked)."));
        foreach (var (status, description) in statuses)
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = schema },
                    },
                };
    }
}
