using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.TestSupport;
using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>Helpers for the outbox tests: write a message the way a feature does, run the sender, read rows.</summary>
internal static class OutboxApp
{
    public static Message Sample(MessageKind kind = MessageKind.WorksheetComment, string subject = "A new comment") =>
        new(kind, subject, "/notifications", "Open it")
        {
            Paragraphs = ["Ada commented on \"Stakeholder map\": <b>looks good</b> & more.", "Second paragraph."],
            CohortName = "Spring cohort",
        };

    public static async Task NotifyAsync(KindlingApp app, string userId, Message message)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        await scope.ServiceProvider.GetRequiredService<Messenger>().NotifyAsync(db, userId, message);
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> MailAsync(KindlingApp app, string to, Message message, string? userId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        scope.ServiceProvider.GetRequiredService<Messenger>().Mail(db, to, null, message, userId);
        var id = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
        await db.SaveChangesAsync();
        return id;
    }

    public static Task<int> SendAsync(KindlingApp app) =>
        app.Services.GetRequiredService<OutboxSender>().RunOnceAsync();

    public static Task<OutboxMessage> RowAsync(KindlingApp app, Guid id) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    public static Task<List<OutboxMessage>> RowsToAsync(KindlingApp app, string address) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ToAddress == address).ToListAsync());

    public static async Task<KindlingApp> StartAsync(
        string provider,
        TestSmtp? smtp,
        IReadOnlyDictionary<string, string>? more = null
    )
    {
        var settings = new Dictionary<string, string>(smtp?.Settings ?? new Dictionary<string, string>());
        foreach (var (k, v) in more ?? new Dictionary<string, string>())
            settings[k] = v;
        var app = new KindlingApp(provider, settings);
        _ = app.Server;
        await Task.CompletedTask;
        return app;
    }
}
