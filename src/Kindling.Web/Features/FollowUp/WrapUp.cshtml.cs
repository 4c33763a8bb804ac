using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.FollowUp;

/// <summary>
/// The facilitator's end of a session: the "after the session" message to review, edit and send, the recording and
/// slides links, and — once sent — the links alone, still editable. Plain form posts: it works without JavaScript.
/// </summary>
[EnableRateLimiting(RateLimits.Send)]
public class WrapUpModel(
    KindlingDb db,
    WrapUpDrafts drafts,
    SessionEnder ender,
    WrapUpMessages messages,
    LessonCache lessons,
    TimeProvider clock
) : CohortPageModel
{
    /// <summary>The slides planned for the session (its own link, else its lesson's): the form's starting
    /// value.</summary>
    private string? _plannedSlides;

    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public Guid SessionId { get; set; }

    [BindProperty]
    public WrapUpForm Form { get; set; } = new();

    public sealed class WrapUpForm
    {
        public string? Subject { get; set; }
        public string? Body { get; set; }
        public string? RecordingUrl { get; set; }
        public string? SlidesUrl { get; set; }
    }

    public string LessonTitle { get; private set; } = "";
    public DateTime StartsUtc { get; private set; }
    public RecordingPolicy Recording { get; private set; }
    public SessionWrapUp? WrapUp { get; private set; }
    public string? EndedByName { get; private set; }
    public string? SentByName { get; private set; }
    public bool CanEndNow { get; private set; }
    public int MemberCount { get; private set; }
    public int AbsentCount { get; private set; }
    public string PreviewHtml { get; private set; } = "";
    public IReadOnlyList<string> MailParagraphs { get; private set; } = [];
    public string NotesUrl => FollowUpPaths.Notes(CohortId, SessionId);
    public string SessionUrl => FollowUpPaths.Session(CohortId, SessionId);
    public bool Sent => WrapUp?.MessageSentUtc is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var draft = WrapUp is { } w
            ? new DraftText(w.MessageSubject, w.MessageMarkdown)
            : await drafts.DefaultAsync(SessionId);
        Form = new WrapUpForm
        {
            Subject = draft.Subject,
            Body = draft.Markdown,
            RecordingUrl = WrapUp?.RecordingUrl,
            SlidesUrl = WrapUp is null ? _plannedSlides : WrapUp.SlidesUrl,
        };
        Preview();
        return Page();
    }

    /// <summary>Shows the edited message as members will read it; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        Validate();
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Sent)
            return Done("The session had already ended and its message was sent; nothing more was sent.");
        if (Validate() is not { } edit || !CanEnd())
            return Invalid();
        var me = Access.Member.UserId;
        var (_, ended) = await ender.EndAsync(SessionId, me);
        var sent = await messages.SendAsync(SessionId, me, edit);
        return Done(
            sent
                ? $"{(ended ? "Session ended. " : "")}The message went to the {MemberCount} members of the cohort."
                : "The message had already been sent, so nothing more was sent."
        );
    }

    /// <summary>After an automatic end: keeps the edits for later without sending.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (WrapUp is null || Sent)
            return Done("There is no draft waiting to be sent; nothing was saved.");
        if (Validate() is not { } edit)
            return Invalid();
        await messages.SaveDraftAsync(SessionId, Access.Member.UserId, edit);
        return Done("Draft saved. It has not been sent yet.");
    }

    /// <summary>After sending: the recording and slides links alone.</summary>
    public async Task<IActionResult> OnPostLinksAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!Sent)
            return Done("Send the message first; its form holds the links until then.");
        var (recording, slides) = (ReadLinks(), WrapUpLinks.Read(Form.SlidesUrl, "slides"));
        if (slides.Error is not null)
            ModelState.AddModelError("Form.SlidesUrl", slides.Error);
        if (!ModelState.IsValid)
            return Invalid();
        var told = await messages.SetLinksAsync(SessionId, recording, slides.Url);
        return Done(
            told > 0
                ? $"Links saved. The {told} members who missed the session were pointed to the recording."
                : "Links saved."
        );
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(FollowUpPaths.WrapUp(CohortId, SessionId));
    }

    private IActionResult Invalid()
    {
        Preview();
        return Page();
    }

    private bool CanEnd()
    {
        if (CanEndNow)
            return true;
        ModelState.AddModelError(
            "",
            "This session has not started yet. You can end it once its live room opens, "
                + $"{TimeZones.Format(OpenLiveDocument.OpensUtc(StartsUtc), ViewerZone)}."
        );
        return false;
    }

    /// <summary>The form as an edit, or null with every problem in the model state.</summary>
    private WrapUpEdit? Validate()
    {
        var subject = (Form.Subject ?? "").Trim();
        var body = (Form.Body ?? "").Replace("\r\n", "\n").Trim();
        if (subject.Length is 0 or > WrapUpDraft.MaxSubject)
            ModelState.AddModelError(
                "Form.Subject",
                $"Give the message a subject of 1 to {WrapUpDraft.MaxSubject} characters."
            );
        if (body.Length is 0 or > WrapUpDraft.MaxMarkdown)
            ModelState.AddModelError(
                "Form.Body",
                $"The message needs 1 to {WrapUpDraft.MaxMarkdown:N0} characters; it has {body.Length:N0}."
            );
        else if (!Renders(body))
            ModelState.AddModelError("Form.Body", "The message is nested too deeply (lists or quotes); flatten it.");
        var recording = ReadLinks();
        var slides = WrapUpLinks.Read(Form.SlidesUrl, "slides");
        if (slides.Error is not null)
            ModelState.AddModelError("Form.SlidesUrl", slides.Error);
        return ModelState.IsValid ? new WrapUpEdit(subject, body, recording, slides.Url) : null;
    }

    private string? ReadLinks()
    {
        var (url, error) = WrapUpLinks.Read(Form.RecordingUrl, "recording");
        error ??= WrapUpLinks.RecordingRefusal(Recording, url);
        if (error is not null)
            ModelState.AddModelError("Form.RecordingUrl", error);
        return url;
    }

    private static bool Renders(string markdown)
    {
        try
        {
            MarkdownRenderer.Validate(markdown);
            return true;
        }
        catch (MarkdownTooDeepException)
        {
            return false;
        }
    }

    /// <summary>The message as a member who was there reads it (the form's text, or the sent one).</summary>
    private void Preview()
    {
        var (body, recording, slides) = Sent
            ? (WrapUp!.MessageMarkdown, WrapUp.RecordingUrl, WrapUp.SlidesUrl)
            : (Form.Body ?? "", Clean(Form.RecordingUrl), Clean(Form.SlidesUrl));
        var markdown = WrapUpDraft.Compose(body, recording, slides, absent: false);
        if (!Renders(markdown))
            return;
        PreviewHtml = MarkdownRenderer.ToSafeHtml(markdown);
        MailParagraphs = MailText.Paragraphs(markdown);
    }

    private static string? Clean(string? url) => WrapUpLinks.Read(url, "") is (var u, null) ? u : null;

    private async Task<bool> LoadAsync()
    {
        var session = await db
            .Sessions.AsNoTracking()
            .WithLesson()
            .FirstOrDefaultAsync(s => s.Id == SessionId && s.CohortId == CohortId);
        if (session is null)
            return false;
        (LessonTitle, StartsUtc, Recording) = (session.Lesson!.Title, session.StartsUtc, session.Recording);
        _plannedSlides = session.SlidesUrl ?? lessons.Of(session).Slides;
        WrapUp = await db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == SessionId);
        var opened = await db.LiveDocuments.AnyAsync(d => d.SessionId == SessionId);
        CanEndNow = opened || OpenLiveDocument.OpensUtc(StartsUtc) <= clock.GetUtcNow().UtcDateTime;
        var (present, absent) = await messages.RecipientsAsync(SessionId, CohortId);
        (MemberCount, AbsentCount) = (present.Count + absent.Count, absent.Count);
        var names = new[] { WrapUp?.EndedById, WrapUp?.MessageSentById }.OfType<string>().ToList();
        var found = await db
            .Users.Where(u => names.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal);
        EndedByName = WrapUp?.EndedById is { } e ? FormerMember.Or(found.GetValueOrDefault(e)) : null;
        SentByName = WrapUp?.MessageSentById is { } s ? FormerMember.Or(found.GetValueOrDefault(s)) : null;
        return true;
    }
}
