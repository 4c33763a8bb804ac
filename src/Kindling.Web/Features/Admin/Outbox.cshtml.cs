using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Admin;

/// <summary>What Kindling sent, is about to send, and could not send; a test message for the mail settings.</summary>
[EnableRateLimiting(Infrastructure.RateLimits.Send)] // the test message and retries send mail
public sealed class OutboxModel(
    KindlingDb db,
    Messenger messenger,
    IMailTransport transport,
    IOptions<MailOptions> options,
    OutboxSignal signal,
    TimeProvider clock
) : PageModel
{
    public const int PageSize = 200;
    public string Zone { get; private set; } = "UTC";
    public string Delivery => transport.Describe();
    public bool Enabled => options.Value.Enabled;
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    [BindProperty]
    [Display(Name = "Address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address, e.g. name@example.org.")]
    [Required(ErrorMessage = "Enter the address to send the test message to.")]
    [StringLength(254)]
    public string? TestAddress { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        TestAddress ??= await db.Users.Where(u => u.Id == Me).Select(u => u.Email).FirstOrDefaultAsync();
    }

    private string Me => CohortAccess.UserId(User) ?? "";

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        messenger.Mail(
            db,
            TestAddress!,
            null,
            new Message(MessageKind.Account, "Kindling test message", "/admin/outbox", "Open the outbox")
            {
                Paragraphs =
                [
                    "This is a test message from Kindling. If you can read it, Kindling's mail settings work.",
                ],
            }
        );
        await db.SaveChangesAsync();
        TempData["Flash"] = $"A test message to {TestAddress} is in the outbox.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db
            .Outbox.Where(m => m.Id == id && m.State != OutboxState.Sent)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(m => m.State, OutboxState.Pending)
                    .SetProperty(m => m.NextAttemptUtc, now)
                    .SetProperty(m => m.Attempts, 0)
            );
        if (changed == 0)
            return NotFound();
        signal.Pulse();
        TempData["Flash"] = "The message will be sent again now.";
        return RedirectToPage(new { State });
    }

    private async Task LoadAsync()
    {
        Zone = await db.Users.Where(u => u.Id == Me).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        Counts = await CountsAsync(db);
        var q = db.Outbox.AsNoTracking();
        if (State is OutboxState s)
            q = q.Where(m => m.State == s);
        // The message bodies stay in the database; the list needs only the envelope.
        Messages = await q.OrderByDescending(m => m.CreatedUtc)
            .Take(PageSize)
            .Select(m => new OutboxMessage
            {
                Id = m.Id,
                Kind = m.Kind,
                ToAddress = m.ToAddress,
                Subject = m.Subject,
                State = m.State,
                Attempts = m.Attempts,
                CreatedUtc = m.CreatedUtc,
                NextAttemptUtc = m.NextAttemptUtc,
                SentUtc = m.SentUtc,
                LastError = m.LastError,
            })
            .ToListAsync();
    }

    /// <summary>How many messages are in each state (also on the instance page).</summary>
    public static Task<Dictionary<OutboxState, int>> CountsAsync(KindlingDb db) =>
        db
            .Outbox.GroupBy(m => m.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);

    /// <summary>When the oldest message still waiting to be sent was written, or null when none waits.</summary>
    public static Task<DateTime?> OldestWaitingUtcAsync(KindlingDb db) =>
        db.Outbox.Where(m => m.State == OutboxState.Pending).MinAsync(m => (DateTime?)m.CreatedUtc);

    /// <summary>The kind in words, e.g. "Concern report".</summary>
    public static string Describe(MessageKind k)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(k.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
        return words[0] + words[1..].ToLowerInvariant();
    }

    public static string Describe(OutboxState s) =>
        s switch
        {
            OutboxState.Pending => "Waiting",
            OutboxState.Sent => "Sent",
            _ => "Failed",
        };
}
