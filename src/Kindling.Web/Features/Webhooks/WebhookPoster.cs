using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Kindling.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Webhooks;

/// <summary>What one attempt came to: delivered (a 2xx answer), or the status and the reason in words.</summary>
public sealed record PostOutcome(bool Delivered, int? Status, string? Error);

/// <summary>
/// Posts one delivery: the stored payload's exact bytes as <c>application/json</c>, with the event, the delivery id,
/// the time and the signature in headers. No redirect is followed, and the connection obeys the address rules
/// (<see cref="WebhookAddresses"/>).
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public sealed record Request(Guid DeliveryId, string Event, string Payload, string Url, string Secret);

    public async Task<PostOutcome> PostAsync(Request r, CancellationToken ct)
    {
        if (WebhookAddresses.ShapeError(r.Url, options.Value.AllowPrivateAddresses, out var uri) is { } shape)
            return new PostOutcome(false, null, "Not sent: " + shape);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(r.Payload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Kindling-Event", r.Event);
        request.Headers.Add("X-Kindling-Delivery", r.DeliveryId.ToString());
        request.Headers.Add("X-Kindling-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Kindling-Signature", WebhookSignature.Sign(r.Secret, timestamp, r.Payload));
        try
        {
            using var response = await clients
                .CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return new PostOutcome(true, status, null);
            return new PostOutcome(false, status, Answered(response));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PostOutcome(false, null, $"No answer within {Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            var refused = Inner<WebhookRefusedException>(e);
            return new PostOutcome(false, null, refused?.Message ?? $"Could not reach the receiver: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recorded as a failed attempt, so a delivery that cannot be posted runs out of attempts.
            return new PostOutcome(false, null, $"Kindling could not post it: {e.Message}");
        }
    }

    private static string Answered(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var said = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : $" ({response.ReasonPhrase})";
        if (status is >= 300 and < 400)
        {
            var to = response.Headers.Location is { } l ? $" to {Text.Clip(l.OriginalString, 300)}" : "";
            return $"The receiver answered {status}{said}, a redirect{to}. Kindling does not follow redirects: "
                + "register the final address.";
        }
        return $"The receiver answered {status}{said}.";
    }

    private static T? Inner<T>(Exception e)
        where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T found)
                return found;
        return null;
    }
}
