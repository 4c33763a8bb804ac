using System.Text.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class BreakoutsTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RandomSplit_EveryParticipantOnce_SizesWithinOne_NotesSectionsAnnounced(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        for (var i = 0; i < 4; i++)
            await LiveArrange.AddParticipantAsync(s, $"r{i}", signIn: false);
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");

        var byParticipant = await par.StartBreakoutsAsync(2, BreakoutModes.Random);
        Assert.False(byParticipant.Ok);
        Assert.Equal("Only a facilitator of this cohort can do that.", byParticipant.Error);
        Assert.Contains("2 to 20", (await fac.StartBreakoutsAsync(1, BreakoutModes.Random)).Error);
        Assert.Contains("2 to 20", (await fac.StartBreakoutsAsync(21, BreakoutModes.Random)).Error);
        Assert.Contains("There are 5 participants", (await fac.StartBreakoutsAsync(6, BreakoutModes.Random)).Error);
        Assert.Contains("random, balanced or self", (await fac.StartBreakoutsAsync(2, "alphabetical")).Error);
        Assert.Contains(
            "organisation, title, timezone or pronouns",
            (await fac.StartBreakoutsAsync(2, BreakoutModes.Balanced, "shoe size")).Error
        );

        var started = await fac.StartBreakoutsAsync(2, BreakoutModes.Random);
        Assert.True(started.Ok, started.Error);
        var again = await fac.StartBreakoutsAsync(2, BreakoutModes.Random);
        Assert.False(again.Ok);
        Assert.Contains("already running", again.Error);

        await par.WaitForAsync(e => e.Any(x => x.Seq == started.Seq));
        var data = par.AppliedEvents.Single(x => x.Seq == started.Seq);
        Assert.Equal(FeatureEvents.BreakoutsStarted, data.Type);
        var state = data.Data.Deserialize<BreakoutState>(LiveJson)!;
        Assert.True(state.Running);
        Assert.Equal([3, 2], state.Groups.Select(g => g.Members.Count).OrderDescending());
        var everyone = state.Groups.SelectMany(g => g.Members.Select(m => m.UserId)).ToList();
        Assert.Equal(5, everyone.Distinct().Count());
        Assert.Equal(5, everyone.Count);
        Assert.DoesNotContain(s.Users["facilitator"].Id, everyone);
        Assert.DoesNotContain(s.Users["observer"].Id, everyone);

        // Lesson 1's breakout has five prompts: five notes sections per group, announced with the new order.
        var sections = data.Data.GetProperty("sections").Deserialize<List<SectionView>>(LiveJson)!;
        Assert.Equal(10, sections.Count);
        Assert.All(sections, x => Assert.Equal("breakout-notes", x.Kind));
        Assert.StartsWith("Group 2 — ", sections.Last().Title);
        Assert.Equal(state.Groups.SelectMany(g => g.SectionIds).Order(), sections.Select(x => x.Id).Order());
        var order = data.Data.GetProperty("order").Deserialize<List<Guid>>()!;
        Assert.Equal(par.Snapshot!.Sections.Count + 10, order.Count);

        var myState = await par.BreakoutsAsync();
        Assert.Equal(
            state.Groups.Single(g => g.Members.Any(m => m.UserId == s.Users["participant"].Id)).Id,
            myState.MyGroupId
        );
        Assert.False((await par.EndBreakoutsAsync()).Ok);
        Assert.True((await fac.EndBreakoutsAsync()).Ok);
        Assert.False((await fac.BreakoutsAsync()).Running);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BalancedByOrganisation_SpreadsSameOrganisationAcrossGroups(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveArrange.SetOrganisationAsync(s, s.Users["participant"].Id, "Alpha Lab");
        foreach (
            var (name, org) in new[]
            {
                ("b1", "Alpha Lab"),
                ("b2", "alpha lab "),
                ("b3", "Beta Org"),
                ("b4", "Beta Org"),
                ("b5", "Gamma"),
            }
        )
            await LiveArrange.AddParticipantAsync(s, name, org, signIn: false);
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");

        var started = await fac.StartBreakoutsAsync(3, BreakoutModes.Balanced, "organisation");
        Assert.True(started.Ok, started.Error);
        var state = await fac.BreakoutsAsync();
        Assert.Equal(BreakoutModes.Balanced, state.Mode);
        Assert.All(state.Groups, g => Assert.Equal(2, g.Members.Count));
        var orgs = await s.App.WithDbAsync(db =>
            db.Users.ToDictionaryAsync(u => u.Id, u => (u.Organisation ?? "").Trim().ToLowerInvariant())
        );
        Assert.All(state.Groups, g => Assert.Single(g.Members, m => orgs[m.UserId] == "alpha lab"));
        Assert.Equal(2, state.Groups.Count(g => g.Members.Any(m => orgs[m.UserId] == "beta org")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SelfChosen_GroupWriteRule_EndKeepsNotesEditableByAll(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        await using var other = await LiveClients.JoinAsync(s.App, peer.Email!, CohortScenario.Password, s.SessionId);
        await using var obs = await LiveClients.JoinAsync(s, "observer");

        Assert.True((await fac.StartBreakoutsAsync(2, BreakoutModes.Self)).Ok);
        var state = await par.BreakoutsAsync();
        Assert.All(state.Groups, g => Assert.Empty(g.Members));
        Assert.Null(state.MyGroupId);
        var (one, two) = (state.Groups[0], state.Groups[1]);

        Assert.True((await par.MoveToGroupAsync(one.Id)).Ok);
        Assert.Contains("already in Group 1", (await par.MoveToGroupAsync(one.Id)).Error);
        Assert.True((await other.MoveToGroupAsync(two.Id)).Ok);
        Assert.Contains("Only a facilitator", (await par.MoveToGroupAsync(two.Id, s.Users["observer"].Id)).Error);
        Assert.Contains("Observers", (await obs.MoveToGroupAsync(one.Id)).Error);
        Assert.Equal(one.Id, (await par.BreakoutsAsync()).MyGroupId);

        var notesOne = one.SectionIds[0];
        var inOwn = await par.AddResponseAsync(notesOne, "We already have strong content skills.");
        Assert.True(inOwn.Ok, inOwn.Error);
        var intruder = await other.AddResponseAsync(notesOne, "Writing in the other group's notes");
        Assert.False(intruder.Ok);
        Assert.Equal(
            "During the breakout only Group 1 writes in these notes; join that group to add to them.",
            intruder.Error
        );
        Assert.True((await fac.AddResponseAsync(notesOne, "Facilitators may add a hint anywhere.")).Ok);

        // Moving between groups changes where you may write.
        var moved = await fac.MoveToGroupAsync(one.Id, peer.Id);
        Assert.True(moved.Ok, moved.Error);
        await other.WaitForAsync(e => e.Any(x => x.Seq == moved.Seq && x.Type == FeatureEvents.BreakoutsMoved));
        Assert.True((await other.AddResponseAsync(notesOne, "Now I am in group 1.")).Ok);
        Assert.False((await par.AddResponseAsync(two.SectionIds[0], "Not my group.")).Ok);

        var ended = await fac.EndBreakoutsAsync();
        Assert.True(ended.Ok, ended.Error);
        var afterEnd = await par.AddResponseAsync(two.SectionIds[0], "Adding to group 2's notes in the reflection.");
        Assert.True(afterEnd.Ok, afterEnd.Error);
        Assert.False((await par.MoveToGroupAsync(two.Id)).Ok);

        var snapshot = (await par.Connection.InvokeAsync<JoinResult>("Join", s.SessionId, 0L)).Snapshot!;
        Assert.Equal(10, snapshot.Sections.Count(x => x.Kind == "breakout-notes"));
        Assert.Equal(3, snapshot.Responses.Count(r => r.SectionId == notesOne));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LateJoiner_DuringRandomRound_IsPlacedInSmallestGroup(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveArrange.AddParticipantAsync(s, "early1", signIn: false);
        await LiveArrange.AddParticipantAsync(s, "early2", signIn: false);
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        Assert.True((await fac.StartBreakoutsAsync(2, BreakoutModes.Random)).Ok);
        var before = await fac.BreakoutsAsync();
        var smallest = before.Groups.OrderBy(g => g.Members.Count).First();
        Assert.Single(smallest.Members);

        var late = await LiveArrange.AddParticipantAsync(s, "late");
        await using var lateClient = await LiveClients.JoinAsync(
            s.App,
            late.Email!,
            CohortScenario.Password,
            s.SessionId
        );
        var mine = await lateClient.BreakoutsAsync();
        Assert.Equal(smallest.Id, mine.MyGroupId);
        await fac.WaitForAsync(e =>
            e.Any(x => x.Type == FeatureEvents.BreakoutsMoved && x.Data.GetRawText().Contains(late.Id))
        );

        // Joining again does not move them or announce anything new.
        var seq = await DocSeqAsync(s);
        await lateClient.JoinAsync();
        Assert.Equal(seq, await DocSeqAsync(s));
        Assert.Equal(smallest.Id, (await lateClient.BreakoutsAsync()).MyGroupId);
    }

    private static Task<long> DocSeqAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.LiveDocuments.Where(d => d.SessionId == s.SessionId).Select(d => d.Seq).SingleAsync()
        );

    internal static readonly JsonSerializerOptions LiveJson = new(JsonSerializerDefaults.Web);
}

/// <summary>Arranging more people and policies for the live-room feature tests.</summary>
internal static class LiveArrange
{
    /// <summary>Adds a participant who has acknowledged the guidelines. Only people who sign in need a real password
    /// (hashing is slow).</summary>
    public static async Task<AppUser> AddParticipantAsync(
        CohortScenario s,
        string name,
        string? organisation = null,
        bool signIn = true,
        CohortRole role = CohortRole.Participant
    )
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"{name}-{tag}@example.org";
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        AppUser user;
        if (signIn)
            user = await s.App.CreateUserAsync(email, CohortScenario.Password);
        else
        {
            user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = email.Split('@')[0],
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedUtc = now,
            };
            await s.App.WithDbAsync(async db =>
            {
                db.Users.Add(user);
                return await db.SaveChangesAsync();
            });
        }
        await s.App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.Organisation = organisation;
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = s.CohortId,
                    UserId = user.Id,
                    Role = role,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
            return await db.SaveChangesAsync();
        });
        return user;
    }

    public static Task SetOrganisationAsync(CohortScenario s, string userId, string organisation) =>
        s.App.WithDbAsync(db =>
            db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(x => x.SetProperty(u => u.Organisation, organisation))
        );

    public static Task SetPolicyAsync(CohortScenario s, bool facilitatorsSeeAnonymousAuthors) =>
        s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId)
                .ExecuteUpdateAsync(x =>
                    x.SetProperty(c => c.FacilitatorsSeeAnonymousAuthors, facilitatorsSeeAnonymousAuthors)
                )
        );
}
