using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Reads of breakout rounds, and the rule of who may write in a group's notes.</summary>
public static class BreakoutViews
{
    /// <summary>The running round, or else the last one; <paramref name="readerId"/> fills MyGroupId (null for a
    /// broadcast).</summary>
    public static async Task<BreakoutState> StateAsync(KindlingDb db, Guid sessionId, string? readerId)
    {
        var round = await db
            .BreakoutRounds.AsNoTracking()
            .Where(r => r.SessionId == sessionId)
            .OrderBy(r => r.EndedUtc != null)
            .ThenByDescending(r => r.StartedUtc)
            .FirstOrDefaultAsync();
        if (round is null)
            return new BreakoutState(true, null, null, null, false, [], null);
        return await StateAsync(db, round, readerId);
    }

    public static async Task<BreakoutState> StateAsync(KindlingDb db, BreakoutRound round, string? readerId)
    {
        var groups = await db
            .BreakoutGroups.AsNoTracking()
            .Where(g => g.RoundId == round.Id)
            .OrderBy(g => g.Number)
            .ToListAsync();
        var members = await db
            .BreakoutMembers.AsNoTracking()
            .Where(m => m.RoundId == round.Id)
            .Join(
                db.Users,
                m => m.UserId,
                u => u.Id,
                (m, u) =>
                    new
                    {
                        m.GroupId,
                        m.UserId,
                        u.DisplayName,
                    }
            )
            .ToListAsync();
        var groupIds = groups.Select(g => g.Id).ToList();
        var sections = await db
            .LiveSections.AsNoTracking()
            .Where(s => s.GroupId != null && groupIds.Contains(s.GroupId.Value))
            .OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.GroupId })
            .ToListAsync();
        var views = groups
            .Select(g => new BreakoutGroupView(
                g.Id,
                g.Number,
                g.Name,
                members
                    .Where(m => m.GroupId == g.Id)
                    .OrderBy(m => m.DisplayName)
                    .Select(m => new BreakoutMemberView(m.UserId, m.DisplayName))
                    .ToList(),
                sections.Where(s => s.GroupId == g.Id).Select(s => s.Id).ToList()
            ))
            .ToList();
        var mine = readerId is null ? null : members.FirstOrDefault(m => m.UserId == readerId)?.GroupId;
        return new BreakoutState(true, null, round.Id, round.Mode, round.EndedUtc is null, views, mine);
    }

    /// <summary>
    /// During a running round only the group's members and facilitators write in a group's notes; once the round has
    /// ended the notes are ordinary sections of the document for the full-group reflection. Called by ResponseCommands.
    /// </summary>
    public static async Task CheckWriteAsync(KindlingDb db, LiveContext ctx, LiveSection section)
    {
        if (section.GroupId is not Guid groupId || ctx.IsFacilitator)
            return;
        var group = await db
            .BreakoutGroups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Join(
                db.BreakoutRounds,
                g => g.RoundId,
                r => r.Id,
                (g, r) =>
                    new
                    {
                        g.Name,
                        g.RoundId,
                        r.EndedUtc,
                    }
            )
            .FirstOrDefaultAsync();
        if (group is null || group.EndedUtc is not null)
            return;
        if (
            !await db.BreakoutMembers.AnyAsync(m =>
                m.RoundId == group.RoundId && m.UserId == ctx.UserId && m.GroupId == groupId
            )
        )
            throw new LiveRuleException(
                $"During the breakout only {group.Name} writes in these notes; join that group to add to them."
            );
    }
}
