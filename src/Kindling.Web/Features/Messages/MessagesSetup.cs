using Kindling.Domain;
using Kindling.Web.Features.Messages.Unsubscribe;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Messages;

public static class MessagesSetup
{
    public static void AddMessages(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Mail:From is not an e-mail address.")
            .ValidateOnStart();
        s.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
                ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
                : ActivatorUtilities.CreateInstance<PickupTransport>(sp)
        );
        s.AddSingleton<OutboxSignal>();
        s.AddSingleton<IInterceptor, OutboxWatcher>();
        s.AddSingleton<OutboxSender>();
        s.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        s.AddSingleton<UnsubscribeLinks>();
        s.AddSingleton<MailComposer>();
        s.AddScoped<Messenger>();
        s.AddSingleton<IStartupNotice, MailNotice>();
    }

    private sealed class MailNotice(IMailTransport transport, IOptions<MailOptions> options) : IStartupNotice
    {
        public string? Line(string baseUrl) =>
            options.Value.Enabled
                ? $"Mail: {transport.Describe()} (see {baseUrl}/admin/outbox)"
                : $"Mail: turned off (Mail:Enabled=false); messages wait in the outbox ({baseUrl}/admin/outbox)";
    }
}
