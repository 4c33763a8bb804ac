using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The facilitator's participation balance: who has written how much in this session and who is here now, so quieter
/// voices can be invited in. Anonymous contributions stay anonymous unless the cohort lets facilitators see their
/// authors.
/// </summary>
public static class Participation
{
    public static async Task<ParticipationResult> ForAsync(KindlingDb db, LiveContext ctx, Presence presence)
    {
        if (!ctx.IsFacilitator)
            return new ParticipationResult(false, "Only facilitators can see the participation balance.", [], 0);
        var members = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.CohortId == ctx.CohortId)
            .Select(m => new
            {
                m.UserId,
                m.User!.DisplayName,
                m.Role,
            })
            .ToListAsync();
        var responses = await db
            .LiveResponses.Where(r => r.SessionId == ctx.SessionId && !r.Deleted)
            .Select(r => new
            {
                r.AuthorId,
                r.Anonymous,
                r.Text.Length,
            })
            .ToListAsync();
        var questions = await db
            .LiveQuestions.Where(q => q.SessionId == ctx.SessionId && !q.Deleted)
            .Select(q => new
            {
                q.AuthorId,
                q.Anonymous,
                q.Text.Length,
            })
            .ToListAsync();
        var countable = AnonymousAuthors.SeenBy(ctx);
        var present = (await presence.AllMembersAsync(ctx.SessionId)).Select(p => p.UserId).ToHashSet();
        var rows = members
            .Select(m =>
            {
                var rs = responses.Where(r => r.AuthorId == m.UserId && (countable || !r.Anonymous)).ToList();
                var qs = questions.Where(q => q.AuthorId == m.UserId && (countable || !q.Anonymous)).ToList();
                return new ParticipationRow(
                    m.UserId,
                    m.DisplayName,
                    m.Role.ToString(),
                    present.Contains(m.UserId),
                    rs.Count,
                    qs.Count,
                    rs.Sum(r => r.Length) + qs.Sum(q => q.Length)
                );
            })
            .OrderBy(r => r.Role == nameof(CohortRole.Facilitator))
            .ThenBy(r => r.Responses + r.Questions)
            .ThenBy(r => r.Name)
            .ToList();
        var anonymous = responses.Count(r => r.Anonymous) + questions.Count(q => q.Anonymous);
        return new ParticipationResult(true, null, rows, anonymous);
    }
}
