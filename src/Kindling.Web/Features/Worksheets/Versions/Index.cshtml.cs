using Kindling.Data;
using Kindling.Web.Features.Worksheets.Editor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Versions;

public class VersionsModel(KindlingDb db, WorksheetAccess access, SaveWorksheet saver, TimeProvider clock)
    : VersionsPageBase(access)
{
    public const int MaxLabel = 120;

    public sealed record Row(int Number, string SavedBy, DateTime SavedUtc, string? Label, int? RestoredFrom);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        await LoadRowsAsync();
        return Page();
    }

    /// <summary>Names a snapshot; naming one counts as a review, so the review reminder starts again from
    /// now.</summary>
    public async Task<IActionResult> OnPostLabelAsync(int number, string? label)
    {
        if (!await LoadAsync())
            return NotFound();
        var text = (label ?? "").Trim();
        var version = await db.WorksheetVersions.FirstOrDefaultAsync(v =>
            v.WorksheetId == WorksheetId && v.Number == number
        );
        if (version is null)
            return NotFound();
        if (text.Length > MaxLabel)
            return await FailAsync($"The label for version {number} is too long: keep it to {MaxLabel} characters.");
        version.Label = text.Length == 0 ? null : text;
        if (text.Length > 0)
            Rights.Project.LastReviewedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] =
            text.Length > 0
                ? $"Version {number} labelled “{text}”; the next review reminder counts from today."
                : $"Label removed from version {number}.";
        return Redirect($"{WorksheetUrl}/versions");
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number, int seenVersion)
    {
        if (!await LoadAsync())
            return NotFound();
        var outcome = await saver.RestoreAsync(
            WorksheetId,
            number,
            seenVersion,
            Access.Member.UserId,
            HttpContext.RequestAborted
        );
        if (outcome is not SaveWorksheet.Saved saved)
            return await FailAsync(
                $"Someone saved this worksheet after you opened this page (it is now at version "
                    + $"{Math.Max(seenVersion, ((SaveWorksheet.Stale)outcome).CurrentVersion)}). Check the list "
                    + $"below, then restore again if you still want to."
            );
        TempData["Flash"] = $"Version {number} restored as version {saved.Version}. Nothing was deleted.";
        return Redirect($"{WorksheetUrl}/versions");
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        Error = message;
        await LoadRowsAsync();
        return Page();
    }

    private async Task LoadRowsAsync()
    {
        var rows = await (
            from v in db.WorksheetVersions
            where v.WorksheetId == WorksheetId
            join u in db.Users on v.SavedById equals u.Id into users
            from u in users.DefaultIfEmpty()
            select new
            {
                v.Number,
                Name = u == null ? FormerMember.Name : u.DisplayName,
                v.SavedUtc,
                v.Label,
                v.RestoredFrom,
            }
        ).ToListAsync();
        Rows = rows.OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.Name, r.SavedUtc, r.Label, r.RestoredFrom))
            .ToList();
    }
}
