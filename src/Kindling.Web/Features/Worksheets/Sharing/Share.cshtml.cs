using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Sharing;

/// <summary>Managers decide who sees a worksheet: the whole cohort (share) and named members asked for feedback
/// (reviewers).</summary>
[EnableRateLimiting(RateLimits.Send)]
public class ShareModel(
    KindlingDb db,
    WorksheetAccess access,
    TimeProvider clock,
    ILiveRooms liveRooms,
    ICohortEvents events
) : WorksheetPageBase(access)
{
    public sealed record Person(string UserId, string Name);

    protected override bool Allows(WorksheetRights rights) => rights.CanEdit;

    public List<Person> Reviewers { get; private set; } = [];
    public List<Person> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        await LoadPeopleAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(bool share)
    {
        if (!await LoadAsync())
            return NotFound();
        var w = Rights.Worksheet;
        if (share && w.SharedUtc is null)
        {
            w.SharedUtc = clock.GetUtcNow().UtcDateTime;
            await AnnounceAsync(w);
        }
        if (!share)
            w.SharedUtc = null;
        await db.SaveChangesAsync();
        await liveRooms.SharedWorksheetsChangedAsync(CohortId); // open live rooms list it (or drop it) at once
        TempData["Flash"] = share
            ? "Shared: everyone in the cohort can now read this worksheet, and it is listed in the next session's "
                + "“Share your insights” slot."
            : "This worksheet is private to the project again.";
        return Redirect($"/cohorts/{CohortId}/worksheets/{w.Id}/sharing");
    }

    public async Task<IActionResult> OnPostAddReviewerAsync(string? userId)
    {
        if (!await LoadAsync())
            return NotFound();
        var managers = Rights.Project.Members.Select(m => m.UserId).ToList();
        var member = string.IsNullOrEmpty(userId)
            ? null
            : await db
                .CohortMembers.Include(m => m.User)
                .FirstOrDefaultAsync(m => m.CohortId == CohortId && m.UserId == userId);
        if (member is null || managers.Contains(member.UserId))
        {
            ModelState.AddModelError(
                "userId",
                "Choose a member of this cohort who does not already manage the project."
            );
            await LoadPeopleAsync();
            return Page();
        }
        if (
            !await db.WorksheetReviewers.AnyAsync(r =>
                r.WorksheetId == Rights.Worksheet.Id && r.UserId == member.UserId
            )
        )
        {
            db.WorksheetReviewers.Add(
                new WorksheetReviewer
                {
                    WorksheetId = Rights.Worksheet.Id,
                    UserId = member.UserId,
                    RequestedById = Access.Member.UserId,
                    RequestedUtc = clock.GetUtcNow().UtcDateTime,
                }
            );
            await db.SaveChangesAsync();
        }
        TempData["Flash"] = $"{member.User!.DisplayName} can now read this worksheet and comment on it.";
        return Redirect($"/cohorts/{CohortId}/worksheets/{Rights.Worksheet.Id}/sharing");
    }

    public async Task<IActionResult> OnPostRemoveReviewerAsync(string? userId)
    {
        if (!await LoadAsync())
            return NotFound();
        var row = await db
            .WorksheetReviewers.Include(r => r.User)
            .FirstOrDefaultAsync(r => r.WorksheetId == Rights.Worksheet.Id && r.UserId == userId);
        if (row is null)
            return NotFound();
        db.WorksheetReviewers.Remove(row);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"{row.User?.DisplayName ?? "The reviewer"} is no longer asked for feedback; their comments stay.";
        return Redirect($"/cohorts/{CohortId}/worksheets/{Rights.Worksheet.Id}/sharing");
    }

    /// <summary>Now that the whole cohort may read it, the cohort's webhooks hear of it (in the same save).</summary>
    private Task AnnounceAsync(Worksheet w)
    {
        var data = new
        {
            worksheet = new
            {
                id = w.Id,
                title = w.Title,
                url = events.Link($"/cohorts/{CohortId}/worksheets/{w.Id}"),
                sharedUtc = w.SharedUtc,
            },
            project = new { id = Rights.Project.Id, name = Rights.Project.Name },
        };
        return events.AddAsync(db, CohortId, CohortEventNames.WorksheetShared, data);
    }

    private async Task LoadPeopleAsync()
    {
        Reviewers = await db
            .WorksheetReviewers.Where(r => r.WorksheetId == Rights.Worksheet.Id)
            .OrderBy(r => r.User!.DisplayName)
            .Select(r => new Person(r.UserId, r.User!.DisplayName))
            .ToListAsync();
        var excluded = Rights.Project.Members.Select(m => m.UserId).Concat(Reviewers.Select(r => r.UserId)).ToList();
        Candidates = await db
            .CohortMembers.Where(m => m.CohortId == CohortId && !excluded.Contains(m.UserId))
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new Person(m.UserId, m.User!.DisplayName))
            .ToListAsync();
    }
}
