using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Sharing;

/// <summary>Comments nobody has resolved yet: what a worksheet's managers still have to look at.</summary>
public static class OpenComments
{
    public static string Text(int count) => count == 1 ? "1 open comment" : $"{count:N0} open comments";

    /// <summary>Open comments per worksheet, for the given worksheets (worksheets without any are left out).</summary>
    public static Task<Dictionary<Guid, int>> CountAsync(KindlingDb db, IReadOnlyCollection<Guid> worksheetIds) =>
        db
            .WorksheetComments.Where(c => worksheetIds.Contains(c.WorksheetId) && c.ResolvedUtc == null)
            .GroupBy(c => c.WorksheetId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
}
