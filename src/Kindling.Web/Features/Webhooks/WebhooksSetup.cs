using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> settings.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Lets facilitators register, and Kindling post to, addresses on loopback, private and link-local networks, and
    /// plain http:// ones: for a private deployment whose receivers live on its own network, and for tests. Off, such
    /// addresses are refused when a webhook is added and again at every delivery (a name may resolve elsewhere
    /// later).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How often the sender looks for due deliveries when no commit wakes it (seconds).</summary>
    public int PollSeconds { get; set; } = 30;
}

public static class WebhooksSetup
{
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.PollSeconds is >= 1 and <= 3600, "Webhooks:PollSeconds must be 1 to 3600 seconds.")
            .ValidateOnStart();
        s.AddSingleton<WebhookEvents>();
        s.AddSingleton<ICohortEvents>(sp => sp.GetRequiredService<WebhookEvents>());
        s.AddSingleton<WebhookSignal>();
        s.AddSingleton<IInterceptor, WebhookWatcher>();
        s.AddSingleton<WebhookPoster>();
        s.AddSingleton<WebhookSender>();
        s.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        s.AddHttpClient(
                WebhookPoster.ClientName,
                c =>
                {
                    c.Timeout = WebhookPoster.Timeout;
                    c.DefaultRequestHeaders.UserAgent.ParseAdd("Kindling-Webhooks/1.0");
                }
            )
            // The address can carry a receiver's own token (chat services put one in the path): keep it out of logs.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // A proxy would be the only address the guard sees: webhooks connect directly.
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = WebhookAddresses.Connector(
                    sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateAddresses
                ),
            });
    }
}
