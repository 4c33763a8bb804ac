using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>
/// Saves a worksheet edit that started from version <c>baseVersion</c>. If nobody saved since, the edit becomes the
/// next
/// version. If someone did, the two edits merge field by field; a field both changed is a conflict and nothing is
/// saved.
/// The version check and increment is one conditional UPDATE, so two saves racing can never both win: the loser merges
/// against the winner (or reports the conflict). The worksheet row and its new version commit together.
/// </summary>
public sealed class SaveWorksheet(KindlingDb db, TimeProvider clock)
{
    public abstract record Outcome;

    public sealed record Saved(int Version, IReadOnlyList<string> MergedFromOthers) : Outcome;

    public sealed record Unchanged(int Version) : Outcome;

    /// <summary>Both changed these fields; <see cref="Theirs"/> is the current data, saved by <see
    /// cref="SavedBy"/>.</summary>
    public sealed record Conflict(
        IReadOnlyList<string> Fields,
        WorksheetData Theirs,
        WorksheetData Merged,
        int CurrentVersion,
        string SavedBy,
        DateTime SavedUtc
    ) : Outcome;

    public sealed record Stale(int CurrentVersion) : Outcome;

    private sealed record Current(int Version, string DataJson, string UpdatedById, DateTime UpdatedUtc);

    public async Task<Outcome> SaveAsync(
        Guid worksheetId,
        WorksheetTemplate template,
        int baseVersion,
        WorksheetData mine,
        string userId,
        CancellationToken ct = default
    )
    {
        mine = WorksheetForm.Canonical(template, mine); // every template field present, in the form's shape
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await LoadAsync(worksheetId, ct);
            if (baseVersion > current.Version || baseVersion < 1)
                return new Stale(current.Version);
            var currentData = WorksheetData.Parse(current.DataJson);
            WorksheetData next;
            IReadOnlyList<string> fromOthers = [];
            if (current.Version == baseVersion)
            {
                next = currentData.Clone();
                foreach (var field in template.Fields)
                    next.Set(field.Id, mine.Get<System.Text.Json.JsonElement>(field.Id));
            }
            else
            {
                var baseJson = await db
                    .WorksheetVersions.AsNoTracking()
                    .Where(v => v.WorksheetId == worksheetId && v.Number == baseVersion)
                    .Select(v => v.DataJson)
                    .FirstOrDefaultAsync(ct);
                if (baseJson is null)
                    return new Stale(current.Version);
                var merge = WorksheetMerge.Merge(template, WorksheetData.Parse(baseJson), currentData, mine);
                if (merge.Conflicts.Count > 0)
                {
                    var name = await db
                        .Users.Where(u => u.Id == current.UpdatedById)
                        .Select(u => u.DisplayName)
                        .FirstOrDefaultAsync(ct);
                    return new Conflict(
                        merge.Conflicts,
                        currentData,
                        merge.Merged,
                        current.Version,
                        FormerMember.Or(name),
                        current.UpdatedUtc
                    );
                }
                next = merge.Merged;
                fromOthers = merge.TakenFromTheirs;
            }
            if (
                WorksheetForm.Canonical(template, next).ToJson()
                == WorksheetForm.Canonical(template, currentData).ToJson()
            )
                return new Unchanged(current.Version);
            if (await TryCommitAsync(worksheetId, current.Version, next.ToJson(), userId, null, ct))
                return new Saved(current.Version + 1, fromOthers);
        }
        throw new InvalidOperationException("The worksheet kept changing while saving; please try again.");
    }

    /// <summary>Restores version <paramref name="number"/> as a new version, if the worksheet is still at <paramref
    /// name="seenVersion"/>.</summary>
    public async Task<Outcome> RestoreAsync(
        Guid worksheetId,
        int number,
        int seenVersion,
        string userId,
        CancellationToken ct = default
    )
    {
        var old = await db
            .WorksheetVersions.AsNoTracking()
            .Where(v => v.WorksheetId == worksheetId && v.Number == number)
            .Select(v => v.DataJson)
            .FirstOrDefaultAsync(ct);
        var current = await LoadAsync(worksheetId, ct);
        if (old is null || current.Version != seenVersion)
            return new Stale(current.Version);
        return await TryCommitAsync(worksheetId, seenVersion, old, userId, number, ct)
            ? new Saved(seenVersion + 1, [])
            : new Stale(seenVersion + 1);
    }

    private Task<Current> LoadAsync(Guid id, CancellationToken ct) =>
        db
            .Worksheets.AsNoTracking()
            .Where(w => w.Id == id)
            .Select(w => new Current(w.Version, w.DataJson, w.UpdatedById, w.UpdatedUtc))
            .FirstAsync(ct);

    private async Task<bool> TryCommitAsync(
        Guid id,
        int fromVersion,
        string json,
        string userId,
        int? restoredFrom,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db
            .Worksheets.Where(w => w.Id == id && w.Version == fromVersion)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(w => w.Version, fromVersion + 1)
                        .SetProperty(w => w.DataJson, json)
                        .SetProperty(w => w.UpdatedUtc, now)
                        .SetProperty(w => w.UpdatedById, userId),
                ct
            );
        if (updated == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        db.WorksheetVersions.Add(
            new WorksheetVersion
            {
                WorksheetId = id,
                Number = fromVersion + 1,
                DataJson = json,
                SavedUtc = now,
                SavedById = userId,
                RestoredFrom = restoredFrom,
            }
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
