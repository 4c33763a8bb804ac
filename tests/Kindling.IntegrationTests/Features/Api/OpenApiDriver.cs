using System.Net.Http.Json;
using System.Text.Json;

namespace Kindling.IntegrationTests.Features.Api;

/// <summary>
/// Calls the API as a client generated from its OpenAPI document would: by operation id, with the path template,
/// method and parameters the document gives, and checks each answer against it — the status is one the operation
/// documents, the content type is one it declares, and a JSON body has the properties its schema requires, with the
/// declared JSON types, down through objects and arrays.
/// </summary>
public sealed class OpenApiDriver(HttpClient http, JsonElement document)
{
    public static async Task<OpenApiDriver> LoadAsync(HttpClient http) =>
        new(http, JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement.Clone());

    private (string Method, string Path, JsonElement Operation) Find(string operationId)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
            if (op.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
                return (op.Name.ToUpperInvariant(), path.Name, op.Value);
        throw new InvalidOperationException($"The OpenAPI document has no operation {operationId}.");
    }

    public sealed record Answer(int Status, string? ContentType, JsonElement? Json, byte[] Body);

    public async Task<Answer> CallAsync(
        string operationId,
        object? pathValues = null,
        object? body = null,
        IReadOnlyDictionary<string, string>? query = null
    )
    {
        var (method, template, op) = Find(operationId);
        var values = pathValues is null
            ? new Dictionary<string, string>()
            : JsonSerializer
                .SerializeToElement(pathValues)
                .EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ToString());
        var url = template;
        if (op.TryGetProperty("parameters", out var parameters))
            foreach (var p in parameters.EnumerateArray())
            {
                var name = p.GetProperty("name").GetString()!;
                if (p.GetProperty("in").GetString() == "path")
                    url = url.Replace(
                        "{" + name + "}",
                        Uri.EscapeDataString(values.GetValueOrDefault(name) ?? throw Missing(operationId, name))
                    );
            }
        if (query is not null)
            url += "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            Assert.True(op.TryGetProperty("requestBody", out _), $"{operationId} documents no request body");
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(
            op.GetProperty("responses").TryGetProperty(status, out var documented),
            $"{operationId} answered {status}, not listed in its document: {System.Text.Encoding.UTF8.GetString(bytes)}"
        );
        var type = response.Content.Headers.ContentType?.MediaType;
        JsonElement? json = null;
        if (documented.TryGetProperty("content", out var content) && bytes.Length > 0)
        {
            Assert.True(
                content.EnumerateObject().Any(c => c.Name == type),
                $"{operationId} answered {status} as {type}, not as documented"
            );
            if (type is "application/json" or "application/problem+json")
            {
                json = JsonDocument.Parse(bytes).RootElement.Clone();
                if (content.GetProperty(type).TryGetProperty("schema", out var schema))
                    Conforms(json.Value, schema, operationId);
            }
        }
        return new Answer((int)response.StatusCode, type, json, bytes);
    }

    private static InvalidOperationException Missing(string op, string name) =>
        new($"{op} needs the path value {name}.");

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var r))
        {
            var name = r.GetString()!.Split('/').Last();
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private void Conforms(JsonElement value, JsonElement schema, string where)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("type", out var typeNode))
        {
            var types =
                typeNode.ValueKind == JsonValueKind.Array
                    ? typeNode.EnumerateArray().Select(t => t.GetString()!).ToList()
                    : [typeNode.GetString()!];
            Assert.True(
                types.Any(t => Matches(value, t)),
                $"{where}: {value.ValueKind} is not {string.Join("|", types)}"
            );
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray())
                    Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{where}: {name} is missing");
            foreach (var p in properties.EnumerateObject())
                if (value.TryGetProperty(p.Name, out var v))
                    Conforms(v, p.Value, $"{where}.{p.Name}");
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            foreach (var item in value.EnumerateArray())
                Conforms(item, items, $"{where}[]");
    }

    private static bool Matches(JsonElement v, string type) =>
        type switch
        {
            "object" => v.ValueKind == JsonValueKind.Object,
            "array" => v.ValueKind == JsonValueKind.Array,
            "string" => v.ValueKind == JsonValueKind.String,
            "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
            "number" => v.ValueKind == JsonValueKind.Number,
            "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => v.ValueKind == JsonValueKind.Null,
            _ => true,
        };
}
