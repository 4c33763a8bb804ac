using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// What a deleted account leaves in the live documents. Its responses and questions stay where they were written,
/// by "a former member": names are looked up when a document is read, so the room, the exports and the overview follow
/// by themselves. What kept the person otherwise goes here, in the caller's transaction: their votes (each question's
/// count follows), their breakout places, the text of responses and questions they had deleted, and their name in the
/// replay log (<see cref="Domain.LiveEvent"/>), which kept every change as it was broadcast.
/// </summary>
public static class FormerAuthors
{
    public static async Task ForgetAsync(KindlingDb db, string userId, CancellationToken ct = default)
    {
        var voted = db.LiveQuestionVotes.Where(v => v.UserId == userId).Select(v => v.QuestionId);
        await db
            .LiveQuestions.Where(q => voted.Contains(q.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Votes, q => q.Votes - 1), ct);
        await db.LiveQuestionVotes.Where(v => v.UserId == userId).ExecuteDeleteAsync(ct);
        var rounds = db.BreakoutMembers.Where(m => m.UserId == userId).Select(m => m.RoundId);
        var sessions = await db
            .LiveResponses.Where(r => r.AuthorId == userId)
            .Select(r => r.SessionId)
            .Union(db.LiveQuestions.Where(q => q.AuthorId == userId).Select(q => q.SessionId))
            .Union(db.BreakoutRounds.Where(r => rounds.Contains(r.Id)).Select(r => r.SessionId))
            .Union(db.LiveEvents.Where(e => e.ActorId == userId).Select(e => e.SessionId))
            .ToListAsync(ct);
        await db.BreakoutMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db
            .LiveResponses.Where(r => r.AuthorId == userId && r.Deleted)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, ""), ct);
        await db
            .LiveQuestions.Where(q => q.AuthorId == userId && q.Deleted)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, "").SetProperty(q => q.Answer, (string?)null), ct);
        // A change only they could see (a silent answer before the reveal) becomes the placeholder everyone else got.
        await db
            .LiveEvents.Where(e => e.AudienceUserId == userId)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(e => e.Type, EventTypes.Private)
                        .SetProperty(e => e.Payload, "{}")
                        .SetProperty(e => e.AudienceUserId, (string?)null),
                ct
            );
        await db
            .LiveEvents.Where(e => e.ActorId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, ""), ct);
        var kept = await db
            .LiveResponses.Where(r => r.AuthorId == userId)
            .Select(r => new { r.Id, r.Deleted })
            .Concat(db.LiveQuestions.Where(q => q.AuthorId == userId).Select(q => new { q.Id, q.Deleted }))
            .ToListAsync(ct);
        var items = new Items(
            userId,
            kept.Select(x => x.Id).ToHashSet(),
            kept.Where(x => x.Deleted).Select(x => x.Id).ToHashSet()
        );
        foreach (var session in sessions)
            await RewriteLogAsync(db, session, items, ct);
    }

    private static async Task RewriteLogAsync(KindlingDb db, Guid sessionId, Items items, CancellationToken ct)
    {
        var rows = await db
            .LiveEvents.AsNoTracking()
            .Where(e => e.SessionId == sessionId)
            .Select(e => new { e.Id, e.Payload })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var node = JsonNode.Parse(row.Payload);
            if (!Rename(node, items))
                continue;
            var payload = node!.ToJsonString();
            await db
                .LiveEvents.Where(e => e.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, payload), ct);
        }
    }

    /// <summary>The person's id, the ids of everything they wrote, and of what they had deleted.</summary>
    public sealed record Items(string UserId, IReadOnlySet<Guid> Written, IReadOnlySet<Guid> Deleted);

    /// <summary>
    /// Rewrites one broadcast payload in place: a response or question they wrote (by its <c>id</c>) names
    /// <see cref="FormerMember.Name"/> as its author (an anonymous one stays without a name) and, when they had
    /// deleted it, loses its text; a breakout place or presence of theirs (by <c>userId</c>) loses their id and
    /// name. Returns whether anything changed.
    /// </summary>
    public static bool Rename(JsonNode? node, Items items)
    {
        var changed = false;
        if (node is JsonArray array)
            foreach (var child in array)
                changed |= Rename(child, items);
        if (node is not JsonObject o)
            return changed;
        if (Text(o, UserKey) == items.UserId)
        {
            o[UserKey] = "";
            if (o.ContainsKey(NameKey))
                o[NameKey] = FormerMember.Name;
            changed = true;
        }
        if (Guid.TryParse(Text(o, IdKey), out var id) && items.Written.Contains(id))
        {
            if (Text(o, AuthorKey) is not null)
            {
                o[AuthorKey] = FormerMember.Name;
                changed = true;
            }
            if (items.Deleted.Contains(id) && Text(o, TextKey) is { Length: > 0 })
            {
                o[TextKey] = "";
                changed = true;
            }
        }
        foreach (var child in o.Select(p => p.Value).ToList())
            changed |= Rename(child, items);
        return changed;
    }

    // The property names as the contracts are broadcast (camel case, LiveStore.Json).
    private static readonly string IdKey = Camel(nameof(ResponseView.Id)),
        AuthorKey = Camel(nameof(ResponseView.AuthorName)),
        TextKey = Camel(nameof(ResponseView.Text)),
        UserKey = Camel(nameof(BreakoutMemberView.UserId)),
        NameKey = Camel(nameof(BreakoutMemberView.Name));

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
