using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// End-of-session feedback: one form per person, editable until a facilitator closes feedback. Facilitators read
/// everyone's answers here; nobody else sees anyone's but their own.
/// </summary>
public class FeedbackModel(
    KindlingDb db,
    FacilitatorCommands facilitator,
    OpenLiveDocument opener,
    LiveBroadcaster broadcaster,
    Messenger messenger,
    ICohortEvents events,
    TimeProvider clock
) : CohortPageModel
{
    public sealed record Entry(string? AuthorName, bool Anonymous, SessionFeedback Feedback);

    [FromRoute]
    public Guid SessionId { get; set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();
    public string LessonTitle { get; private set; } = "";
    public DateTime StartsUtc { get; private set; }
    public bool Closed { get; private set; }
    public bool HasSubmitted { get; private set; }
    public List<Entry> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var mine = await MineAsync();
        if (mine is not null)
            Input = FeedbackInput.From(mine);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        CleanAnonymousValue();
        if (Closed)
        {
            ModelState.AddModelError(
                "",
                "Feedback for this session is closed, so it can no longer be changed. What "
                    + "you sent before is kept."
            );
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await MineAsync();
        if (mine is null)
        {
            mine = new SessionFeedback
            {
                SessionId = SessionId,
                AuthorId = Access.Member.UserId,
                CreatedUtc = now,
            };
            db.SessionFeedback.Add(mine);
            await AnnounceAsync();
        }
        Input.ApplyTo(mine);
        mine.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Sent twice at once from two tabs: the first one is saved; ask to send again so nothing is silently lost.
            ModelState.AddModelError(
                "",
                "Your feedback was being saved from another tab at the same time; please send it again."
            );
            return Page();
        }
        TempData["Flash"] = HasSubmitted ? "Your feedback was updated. Thank you." : "Thank you for your feedback.";
        return Redirect($"/cohorts/{CohortId}/sessions/{SessionId}/feedback");
    }

    /// <summary>Tells the cohort's webhooks that feedback was given: the session and how many have given it, never
    /// the answers, the rating or who.</summary>
    private async Task AnnounceAsync()
    {
        var given = await db.SessionFeedback.CountAsync(f => f.SessionId == SessionId) + 1;
        var data = new
        {
            session = EventSession.Of(events, CohortId, SessionId, LessonTitle, StartsUtc),
            feedbackCount = given,
        };
        await events.AddAsync(db, CohortId, CohortEventNames.FeedbackGiven, data);
    }

    /// <summary>
    /// A checkbox posted with a value other than true/false would be echoed back into the checkbox, which cannot render
    /// it; replace it with the bound value and say plainly what the box expects.
    /// </summary>
    private void CleanAnonymousValue()
    {
        const string key = $"{nameof(Input)}.{nameof(FeedbackInput.Anonymous)}";
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            ModelState.Remove(key);
            ModelState.SetModelValue(key, Input.Anonymous, Input.Anonymous ? "true" : "false");
            ModelState.AddModelError(key, "“Submit anonymously” is a tick box: tick it or leave it empty.");
        }
    }

    /// <summary>
    /// Facilitators: asks the members who have not given feedback on this session yet, each at most once per session
    /// (a notification, and an e-mail as each prefers).
    /// </summary>
    public async Task<IActionResult> OnPostAskAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!Access.IsFacilitator)
            return StatusCode(403);
        var back = $"/cohorts/{CohortId}/sessions/{SessionId}/feedback";
        if (Closed)
            TempData["Flash"] = "Feedback is closed. Reopen it before asking people for feedback.";
        else if (StartsUtc > clock.GetUtcNow().UtcDateTime)
            TempData["Flash"] = "The session has not started yet: ask for feedback once it has.";
        else
        {
            var asked = await FeedbackRequests.AskAsync(db, messenger, Access.Cohort, SessionId, LessonTitle, back);
            TempData["Flash"] = asked switch
            {
                0 => "Nobody left to ask: everyone has given feedback or has been asked already.",
                1 => "1 person was asked for feedback.",
                _ => $"{asked:N0} people were asked for feedback.",
            };
        }
        return Redirect(back);
    }

    public Task<IActionResult> OnPostCloseAsync() => SetClosedAsync(true);

    public Task<IActionResult> OnPostReopenAsync() => SetClosedAsync(false);

    /// <summary>The closed flag lives on the session document; closing feedback before it exists opens it (as a
    /// facilitator could anyway).</summary>
    private async Task<IActionResult> SetClosedAsync(bool closed)
    {
        if (!await LoadAsync())
            return NotFound();
        if (!Access.IsFacilitator)
            return StatusCode(403);
        await opener.OpenAsync(SessionId);
        var ctx = await LiveContext.LoadAsync(db, SessionId, Access.Member.UserId);
        if (ctx is null)
            return NotFound();
        var done = await facilitator.SetFeedbackClosedAsync(ctx, closed);
        if (done.Event is not null)
            await broadcaster.PublishAsync(done);
        TempData["Flash"] = done.Ack.Ok
            ? closed
                ? "Feedback is closed; answers can no longer be changed."
                : "Feedback is open again; people can change their answers."
            : done.Ack.Error;
        return Redirect($"/cohorts/{CohortId}/sessions/{SessionId}/feedback");
    }

    private async Task<bool> LoadAsync()
    {
        var session = await db
            .Sessions.AsNoTracking()
            .Where(s => s.Id == SessionId && s.CohortId == CohortId)
            .Select(s => new { s.StartsUtc, s.Lesson!.Title })
            .FirstOrDefaultAsync();
        if (session is null)
            return false;
        LessonTitle = session.Title;
        StartsUtc = session.StartsUtc;
        Closed = await db.LiveDocuments.AnyAsync(d => d.SessionId == SessionId && d.FeedbackClosedUtc != null);
        HasSubmitted = await db.SessionFeedback.AnyAsync(f =>
            f.SessionId == SessionId && f.AuthorId == Access.Member.UserId
        );
        if (Access.IsFacilitator)
        {
            var seeAuthors = AnonymousAuthors.FacilitatorSees(
                Access.IsFacilitator,
                Access.Cohort.FacilitatorsSeeAnonymousAuthors
            );
            var rows = await db
                .SessionFeedback.AsNoTracking()
                .Where(f => f.SessionId == SessionId)
                .OrderBy(f => f.CreatedUtc)
                .Select(f => new
                {
                    F = f,
                    Name = db.Users.Where(u => u.Id == f.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync();
            All = rows.Select(r => new Entry(
                    AnonymousAuthors.Name(r.F.Anonymous, seeAuthors, r.Name),
                    r.F.Anonymous,
                    r.F
                ))
                .ToList();
        }
        return true;
    }

    private Task<SessionFeedback?> MineAsync() =>
        db.SessionFeedback.FirstOrDefaultAsync(f => f.SessionId == SessionId && f.AuthorId == Access.Member.UserId);
}

/// <summary>The feedback form. Every answer is optional, but at least one is needed.</summary>
public class FeedbackInput : IValidatableObject
{
    public const int Max = 4000;
    private const string TooLong = "can be at most 4,000 characters; shorten it a little.";

    [Display(Name = "What worked?"), StringLength(Max, ErrorMessage = "“What worked” " + TooLong)]
    public string? Worked { get; set; }

    [Display(Name = "What didn't work?"), StringLength(Max, ErrorMessage = "“What didn't work” " + TooLong)]
    public string? DidNotWork { get; set; }

    [Display(Name = "What would you change?"), StringLength(Max, ErrorMessage = "“What would you change” " + TooLong)]
    public string? WouldChange { get; set; }

    [Display(Name = "What surprised you?"), StringLength(Max, ErrorMessage = "“What surprised you” " + TooLong)]
    public string? Surprised { get; set; }

    [Display(Name = "Plus: what should we keep doing?"), StringLength(Max, ErrorMessage = "“Plus” " + TooLong)]
    public string? Plus { get; set; }

    [
        Display(Name = "Delta: what should be different next time?"),
        StringLength(Max, ErrorMessage = "“Delta” " + TooLong)
    ]
    public string? Delta { get; set; }

    /// <summary>How useful the session was, 1 to 5, or empty; kept as text so any other value gets our own
    /// message.</summary>
    [Display(Name = "How useful was this session?")]
    public string? Rating { get; set; }

    public const string RatingMessage =
        "“How useful was this session?” takes a whole number from 1 to 5; choose one or leave it empty.";

    [Display(Name = "Submit anonymously")]
    public bool Anonymous { get; set; }

    private IEnumerable<string?> Answers => [Worked, DidNotWork, WouldChange, Surprised, Plus, Delta, Rating];

    /// <summary>The rating as stored: null when empty or not one of 1 to 5 (which <see cref="Validate"/>
    /// refuses).</summary>
    public int? RatingValue =>
        int.TryParse(Rating?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5
            ? r
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(Rating) && RatingValue is null)
            yield return new ValidationResult(RatingMessage, [nameof(Rating)]);
        else if (Answers.All(string.IsNullOrWhiteSpace))
            yield return new ValidationResult(
                "Answer at least one question before sending your feedback.",
                [nameof(Worked)]
            );
    }

    public static FeedbackInput From(SessionFeedback f) =>
        new()
        {
            Worked = f.Worked,
            DidNotWork = f.DidNotWork,
            WouldChange = f.WouldChange,
            Surprised = f.Surprised,
            Plus = f.Plus,
            Delta = f.Delta,
            Rating = f.Rating?.ToString(CultureInfo.InvariantCulture),
            Anonymous = f.Anonymous,
        };

    public void ApplyTo(SessionFeedback f)
    {
        f.Worked = Clean(Worked);
        f.DidNotWork = Clean(DidNotWork);
        f.WouldChange = Clean(WouldChange);
        f.Surprised = Clean(Surprised);
        f.Plus = Clean(Plus);
        f.Delta = Clean(Delta);
        f.Rating = RatingValue;
        f.Anonymous = Anonymous;
    }

    private static string Clean(string? s) => (s ?? "").Trim();
}
