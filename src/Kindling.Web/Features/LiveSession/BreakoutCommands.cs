using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Breakout rounds: a facilitator splits the participants into groups, each group writes its own notes under the
/// breakout prompts, people may move between groups, and when the round ends the notes stay in the document.
/// </summary>
public sealed class BreakoutCommands(LiveStore store)
{
    public const int MinGroups = 2,
        MaxGroups = 20;
    public const string NotesKind = "breakout-notes";

    /// <summary>Data of <see cref="FeatureEvents.BreakoutsStarted"/>: the state plus the new notes sections and the
    /// document's new order.</summary>
    public sealed record StartedData(
        bool Ok,
        string? Error,
        Guid? RoundId,
        string? Mode,
        bool Running,
        IReadOnlyList<BreakoutGroupView> Groups,
        Guid? MyGroupId,
        IReadOnlyList<SectionView> Sections,
        IReadOnlyList<Guid> Order
    );

    public Task<LiveStore.Committed> StartAsync(LiveContext ctx, StartBreakouts c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var db = tx.Db;
                var doc = await FacilitatorCommands.RequireAsync(tx, ctx);
                if (c.Mode is not (BreakoutModes.Random or BreakoutModes.Balanced or BreakoutModes.Self))
                    throw new LiveRuleException(
                        "Choose how to split: random, balanced or self-chosen (\"random\", "
                            + "\"balanced\" or \"self\")."
                    );
                var field = c.Mode == BreakoutModes.Balanced ? (c.BalanceField ?? "").Trim().ToLowerInvariant() : null;
                if (field is not null && !BreakoutSplit.Fields.Contains(field))
                    throw new LiveRuleException(
                        "To balance groups, choose a profile field: organisation, title, timezone or pronouns."
                    );
                if (c.Groups is < MinGroups or > MaxGroups)
                    throw new LiveRuleException($"Split into {MinGroups} to {MaxGroups} groups.");
                if (await db.BreakoutRounds.AnyAsync(r => r.SessionId == ctx.SessionId && r.EndedUtc == null))
                    throw new LiveRuleException("A breakout round is already running; end it before starting another.");
                var people = await db
                    .CohortMembers.WhereAdmitted()
                    .Where(m => m.CohortId == ctx.CohortId && m.Role == CohortRole.Participant)
                    .Select(m => new
                    {
                        m.UserId,
                        m.User!.Organisation,
                        m.User.Title,
                        m.User.TimeZoneId,
                        m.User.Pronouns,
                    })
                    .ToListAsync();
                if (people.Count < MinGroups)
                    throw new LiveRuleException(
                        $"Breakouts need at least {MinGroups} participants in the cohort; it has {people.Count}."
                    );
                if (c.Groups > people.Count)
                    throw new LiveRuleException(
                        $"There are {people.Count} participants, so make at most {people.Count} groups."
                    );

                var now = tx.Now;
                var round = new BreakoutRound
                {
                    SessionId = ctx.SessionId,
                    Mode = c.Mode,
                    BalanceField = field,
                    StartedUtc = now,
                };
                db.BreakoutRounds.Add(round);
                var groups = Enumerable
                    .Range(1, c.Groups)
                    .Select(n => new BreakoutGroup
                    {
                        RoundId = round.Id,
                        SessionId = ctx.SessionId,
                        Number = n,
                        Name = $"Group {n}",
                    })
                    .ToList();
                db.BreakoutGroups.AddRange(groups);
                var split = c.Mode switch
                {
                    BreakoutModes.Random => BreakoutSplit.Random(
                        people.Select(p => p.UserId).ToList(),
                        c.Groups,
                        Random.Shared
                    ),
                    BreakoutModes.Balanced => BreakoutSplit.Balanced(
                        people
                            .Select(p => new BreakoutSplit.Person(
                                p.UserId,
                                field switch
                                {
                                    "organisation" => p.Organisation,
                                    "title" => p.Title,
                                    "timezone" => p.TimeZoneId,
                                    _ => p.Pronouns,
                                }
                            ))
                            .ToList(),
                        c.Groups,
                        Random.Shared
                    ),
                    _ => groups.Select(_ => new List<string>()).ToList(),
                };
                for (var i = 0; i < groups.Count; i++)
                    foreach (var userId in split[i])
                        db.BreakoutMembers.Add(
                            new BreakoutMember
                            {
                                RoundId = round.Id,
                                UserId = userId,
                                GroupId = groups[i].Id,
                                AssignedUtc = now,
                            }
                        );

                var (added, order) = await AddNotesSectionsAsync(tx, ctx, doc, groups);
                await db.SaveChangesAsync();
                var state = await BreakoutViews.StateAsync(db, round, null);
                return new Change(
                    FeatureEvents.BreakoutsStarted,
                    new StartedData(
                        true,
                        null,
                        state.RoundId,
                        state.Mode,
                        true,
                        state.Groups,
                        null,
                        added.Select(LiveViews.View).ToList(),
                        order
                    ),
                    round.Id
                );
            }
        );

    /// <summary>One notes section per group and breakout prompt, placed right after the breakout activity's
    /// prompts.</summary>
    private static async Task<(List<LiveSection> Added, List<Guid> Order)> AddNotesSectionsAsync(
        LiveTx tx,
        LiveContext ctx,
        LiveDocument doc,
        List<BreakoutGroup> groups
    )
    {
        var sections = await tx
            .Db.LiveSections.Where(s => s.SessionId == ctx.SessionId)
            .OrderBy(s => s.Position)
            .ToListAsync();
        var breakout = sections.Where(s => s.Kind == "breakout" && s.GroupId == null).ToList();
        var activity = breakout.Any(s => s.ActivityIndex == doc.CurrentSection)
            ? doc.CurrentSection
            : breakout
                .Where(s => s.ActivityIndex > doc.CurrentSection)
                .Select(s => (int?)s.ActivityIndex)
                .FirstOrDefault()
                ?? breakout.Select(s => (int?)s.ActivityIndex).FirstOrDefault()
                ?? doc.CurrentSection;
        var prompts = breakout.Where(s => s.ActivityIndex == activity).ToList();
        var template =
            prompts.Count > 0
                ? prompts
                :
                [
                    new LiveSection
                    {
                        ActivityIndex = activity,
                        Prompt = "Notes from your group's discussion.",
                        Minutes = 10,
                    },
                ];
        var inActivity = sections.Where(s => s.ActivityIndex == activity).ToList();
        var insertAt = inActivity.Count > 0 ? sections.IndexOf(inActivity[^1]) + 1 : sections.Count;
        var added = new List<LiveSection>();
        foreach (var g in groups)
        foreach (var p in template)
            added.Add(
                new LiveSection
                {
                    SessionId = ctx.SessionId,
                    ActivityIndex = activity,
                    Kind = NotesKind,
                    GroupId = g.Id,
                    Title = Shorten($"{g.Name} — {p.Prompt}", 200),
                    Prompt = p.Prompt,
                    Minutes = p.Minutes,
                }
            );
        sections.InsertRange(insertAt, added);
        for (var i = 0; i < sections.Count; i++)
            sections[i].Position = i;
        tx.Db.LiveSections.AddRange(added);
        return (added, sections.Select(s => s.Id).ToList());
    }

    public Task<LiveStore.Committed> MoveAsync(LiveContext ctx, MoveToGroup c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var db = tx.Db;
                var round = await RunningAsync(db, ctx) ?? throw new LiveRuleException("No breakout round is running.");
                var group =
                    await db.BreakoutGroups.FirstOrDefaultAsync(g => g.Id == c.GroupId && g.RoundId == round.Id)
                    ?? throw new LiveRuleException("That group is not part of the running breakout round.");
                var userId = string.IsNullOrEmpty(c.UserId) ? ctx.UserId : c.UserId;
                if (userId != ctx.UserId && !ctx.IsFacilitator)
                    throw new LiveRuleException("Only a facilitator can move someone else to a group.");
                var role = await db
                    .CohortMembers.WhereAdmitted()
                    .Where(m => m.CohortId == ctx.CohortId && m.UserId == userId)
                    .Select(m => (CohortRole?)m.Role)
                    .FirstOrDefaultAsync();
                if (role is null)
                    throw new LiveRuleException("That person is not a member of this cohort.");
                if (role == CohortRole.Observer)
                    throw new LiveRuleException("Observers follow the groups' notes but do not join a group.");
                var member = await db.BreakoutMembers.FirstOrDefaultAsync(m =>
                    m.RoundId == round.Id && m.UserId == userId
                );
                if (member?.GroupId == group.Id)
                    throw new LiveRuleException(
                        $"{(userId == ctx.UserId ? "You are" : "They are")} already in {group.Name}."
                    );
                if (member is null)
                    db.BreakoutMembers.Add(
                        new BreakoutMember
                        {
                            RoundId = round.Id,
                            UserId = userId,
                            GroupId = group.Id,
                            AssignedUtc = tx.Now,
                        }
                    );
                else
                {
                    member.GroupId = group.Id;
                    member.AssignedUtc = tx.Now;
                }
                await db.SaveChangesAsync();
                return new Change(
                    FeatureEvents.BreakoutsMoved,
                    await BreakoutViews.StateAsync(db, round, null),
                    round.Id
                );
            }
        );

    public Task<LiveStore.Committed> EndAsync(LiveContext ctx, EndBreakouts c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await FacilitatorCommands.RequireAsync(tx, ctx);
                var round =
                    await RunningAsync(tx.Db, ctx) ?? throw new LiveRuleException("No breakout round is running.");
                round.EndedUtc = tx.Now;
                await tx.Db.SaveChangesAsync();
                return new Change(
                    FeatureEvents.BreakoutsEnded,
                    await BreakoutViews.StateAsync(tx.Db, round, null),
                    round.Id
                );
            }
        );

    /// <summary>A participant who arrives during a random or balanced round without a group joins the smallest
    /// group.</summary>
    public Task<LiveStore.Committed> PlaceLateJoinerAsync(LiveContext ctx) =>
        store.CommitAsync(
            ctx,
            null,
            async tx =>
            {
                var db = tx.Db;
                var round = await RunningAsync(db, ctx);
                if (round is null || round.Mode == BreakoutModes.Self)
                    throw new LiveRuleException("Nothing to place.");
                if (await db.BreakoutMembers.AnyAsync(m => m.RoundId == round.Id && m.UserId == ctx.UserId))
                    throw new LiveRuleException("Already placed.");
                var groups = await db
                    .BreakoutGroups.Where(g => g.RoundId == round.Id)
                    .OrderBy(g => g.Number)
                    .ToListAsync();
                var sizes = await db
                    .BreakoutMembers.Where(m => m.RoundId == round.Id)
                    .GroupBy(m => m.GroupId)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(x => x.Key, x => x.Count);
                var smallest = groups.OrderBy(g => sizes.GetValueOrDefault(g.Id)).ThenBy(g => g.Number).First();
                db.BreakoutMembers.Add(
                    new BreakoutMember
                    {
                        RoundId = round.Id,
                        UserId = ctx.UserId,
                        GroupId = smallest.Id,
                        AssignedUtc = tx.Now,
                    }
                );
                await db.SaveChangesAsync();
                return new Change(
                    FeatureEvents.BreakoutsMoved,
                    await BreakoutViews.StateAsync(db, round, null),
                    round.Id
                );
            }
        );

    /// <summary>
    /// Cheap check before <see cref="PlaceLateJoinerAsync"/> so joining does not claim a sequence number for nothing.
    /// </summary>
    public static Task<bool> NeedsPlacingAsync(KindlingDb db, LiveContext ctx) =>
        db.BreakoutRounds.AnyAsync(r =>
            r.SessionId == ctx.SessionId
            && r.EndedUtc == null
            && r.Mode != BreakoutModes.Self
            && !db.BreakoutMembers.Any(m => m.RoundId == r.Id && m.UserId == ctx.UserId)
        );

    private static Task<BreakoutRound?> RunningAsync(KindlingDb db, LiveContext ctx) =>
        db.BreakoutRounds.FirstOrDefaultAsync(r => r.SessionId == ctx.SessionId && r.EndedUtc == null);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
