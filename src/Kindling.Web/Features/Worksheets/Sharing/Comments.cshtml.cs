using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Sharing;

/// <summary>Feedback on a worksheet: reviewers and managers comment on a field or the whole sheet; managers
/// resolve.</summary>
[EnableRateLimiting(RateLimits.Send)]
public class CommentsModel(KindlingDb db, WorksheetAccess access, Messenger messenger, TimeProvider clock)
    : WorksheetPageBase(access)
{
    public const int MaxLength = 4000;

    public sealed record Row(
        Guid Id,
        string? FieldId,
        string Author,
        string Body,
        DateTime CreatedUtc,
        DateTime? ResolvedUtc,
        string? ResolvedBy
    );

    protected override bool Allows(WorksheetRights rights) => rights.CanComment;

    public List<Row> Comments { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public string FieldLabel(string? id) => id is null ? "The whole worksheet" : Template.Field(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        await LoadCommentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var body = Body?.Trim() ?? "";
        var field = string.IsNullOrEmpty(Field) ? null : Field;
        if (field is not null && Template.Field(field) is null)
            ModelState.AddModelError(nameof(Field), "Choose a field of this worksheet, or the whole worksheet.");
        if (body.Length == 0)
            ModelState.AddModelError(nameof(Body), "Write your comment before posting it.");
        else if (body.Length > MaxLength)
            ModelState.AddModelError(
                nameof(Body),
                $"Keep the comment under {MaxLength:N0} characters (it has {body.Length:N0})."
            );
        if (!ModelState.IsValid)
        {
            await LoadCommentsAsync();
            return Page();
        }
        db.WorksheetComments.Add(
            new WorksheetComment
            {
                WorksheetId = Rights.Worksheet.Id,
                FieldId = field,
                AuthorId = Access.Member.UserId,
                Body = body,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            }
        );
        var query = field is null ? "" : "?field=" + Uri.EscapeDataString(field);
        var url = $"/cohorts/{CohortId}/worksheets/{Rights.Worksheet.Id}/comments{query}";
        // A reviewer from another cohort (peer feedback) comments from there; the managers read it in their own.
        var home = Rights.Worksheet.CohortId;
        await NotifyManagersAsync(field, $"/cohorts/{home}/worksheets/{Rights.Worksheet.Id}/comments{query}");
        await db.SaveChangesAsync();
        TempData["Flash"] = "Comment posted.";
        return Redirect(url);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid commentId, bool resolve)
    {
        if (!await LoadAsync())
            return NotFound();
        if (!Rights.CanEdit)
            return StatusCode(403);
        var comment = await db.WorksheetComments.FirstOrDefaultAsync(c =>
            c.Id == commentId && c.WorksheetId == Rights.Worksheet.Id
        );
        if (comment is null)
            return NotFound();
        comment.ResolvedUtc = resolve ? clock.GetUtcNow().UtcDateTime : null;
        comment.ResolvedById = resolve ? Access.Member.UserId : null;
        await db.SaveChangesAsync();
        TempData["Flash"] = resolve ? "Comment resolved." : "Comment reopened.";
        return Redirect($"/cohorts/{CohortId}/worksheets/{Rights.Worksheet.Id}/comments");
    }

    /// <summary>
    /// The project's managers hear of a new comment, except its author; saved with the comment. The mail names the
    /// worksheet and the field, not what was written: the worksheet may not be shared with anyone else.
    /// </summary>
    private async Task NotifyManagersAsync(string? field, string url)
    {
        var author = Access.Member.UserId;
        var managers = Rights.Project.Members.Select(m => m.UserId).Where(id => id != author).ToList();
        if (managers.Count == 0)
            return;
        var name = await db.Users.Where(u => u.Id == author).Select(u => u.DisplayName).FirstAsync();
        var what = field is null ? "the whole worksheet" : $"“{FieldLabel(field)}”";
        await messenger.NotifyAsync(
            db,
            managers,
            new Message(
                MessageKind.WorksheetComment,
                $"New comment on “{Rights.Worksheet.Title}”",
                url,
                "Read the comment"
            )
            {
                Summary = $"{name} commented on {what}.",
                Paragraphs =
                [
                    $"{name} commented on {what} in the worksheet “{Rights.Worksheet.Title}” of your project "
                        + $"{Rights.Project.Name}.",
                    "Open the comments in Kindling to read it and reply.",
                ],
                CohortId = Rights.Worksheet.CohortId,
                CohortName = await db
                    .Cohorts.Where(c => c.Id == Rights.Worksheet.CohortId)
                    .Select(c => c.Name)
                    .FirstAsync(),
            }
        );
    }

    private async Task LoadCommentsAsync()
    {
        Comments = await db
            .WorksheetComments.Where(c => c.WorksheetId == Rights.Worksheet.Id)
            .OrderBy(c => c.CreatedUtc)
            .Select(c => new Row(
                c.Id,
                c.FieldId,
                c.Author!.DisplayName,
                c.Body,
                c.CreatedUtc,
                c.ResolvedUtc,
                db.Users.Where(u => u.Id == c.ResolvedById).Select(u => u.DisplayName).FirstOrDefault()
            ))
            .ToListAsync();
    }
}
