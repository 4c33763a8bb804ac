using Kindling.Web.Features.PeerFeedback;
using Entry = Kindling.Web.Features.PeerFeedback.PeerPairing.Entry;

namespace Kindling.Tests.PeerFeedback;

public class PeerPairingTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    /// <summary>One worksheet per person, owned by that person alone.</summary>
    private static List<Entry> Solo(int n, Guid? cohort = null, bool open = false, Func<int, string?>? value = null) =>
        Enumerable
            .Range(0, n)
            .Select(i =>
            {
                var person = $"{(cohort == Other ? "o" : "h")}{i}-{Guid.NewGuid():N}";
                return new Entry(Guid.NewGuid(), cohort ?? Home, [person], [person], value?.Invoke(i), open);
            })
            .ToList();

    private static void AssertCoversEveryoneWithoutSelfReview(IReadOnlyList<Entry> entries, PeerPairing.Result r)
    {
        var placed = entries.Except(r.LeftOut).ToList();
        foreach (var review in r.Reviews)
            Assert.DoesNotContain(review.ReviewerId, entries.Single(e => e.WorksheetId == review.WorksheetId).Managers);
        foreach (var e in placed)
        {
            Assert.Contains(r.Reviews, x => x.WorksheetId == e.WorksheetId);
            foreach (var reviewer in e.Reviewers)
                Assert.Contains(r.Reviews, x => x.ReviewerId == reviewer);
        }
        Assert.Equal(r.Reviews.Count, r.Reviews.DistinctBy(x => (x.ReviewerId, x.WorksheetId)).Count());
    }

    [Theory]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 2, 2)]
    [InlineData(4, 3, 2)]
    [InlineData(5, 3, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(9, 3, 3)]
    public void GroupCount_KeepsGroupsBetweenTwoAndTheSizeAskedOrOneMore(int people, int size, int groups) =>
        Assert.Equal(groups, PeerPairing.GroupCount(people, size));

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(11, true)]
    public void Random_AnySize_EveryoneReviewsAndIsReviewed_NeverTheirOwn(int n, bool groupsOfThree)
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var entries = Solo(n);
            var r = PeerPairing.Arrange(entries, Home, groupsOfThree ? 3 : 2, balanced: false, new Random(seed));
            Assert.Empty(r.LeftOut);
            AssertCoversEveryoneWithoutSelfReview(entries, r);
            Assert.All(r.Groups, g => Assert.InRange(g.Count, 2, groupsOfThree ? 3 : 3));
            Assert.Equal(n, r.Groups.Sum(g => g.Count));
        }
    }

    [Fact]
    public void Pairs_EachPersonReviewsTheOtherOfTheirPair()
    {
        var entries = Solo(4);
        var r = PeerPairing.Arrange(entries, Home, 2, balanced: false, new Random(1));
        Assert.Equal(4, r.Reviews.Count);
        foreach (var g in r.Groups)
        {
            var (a, b) = (g[0], g[1]);
            Assert.Contains(r.Reviews, x => x.ReviewerId == a.Reviewers[0] && x.WorksheetId == b.WorksheetId);
            Assert.Contains(r.Reviews, x => x.ReviewerId == b.Reviewers[0] && x.WorksheetId == a.WorksheetId);
        }
    }

    [Fact]
    public void Balanced_PeopleOfOneOrganisationLandInDifferentGroups()
    {
        // Two organisations, four people each: every pair mixes them.
        for (var seed = 0; seed < 20; seed++)
        {
            var entries = Solo(8, value: i => i % 2 == 0 ? "Acme" : "Globex");
            var r = PeerPairing.Arrange(entries, Home, 2, balanced: true, new Random(seed));
            Assert.All(r.Groups, g => Assert.Equal(2, g.Select(e => e.Value).Distinct().Count()));
            AssertCoversEveryoneWithoutSelfReview(entries, r);
        }
    }

    [Fact]
    public void CoManagers_OfTwoProjects_NeverReviewTheirOwn_AndGroupsAreRepaired()
    {
        // "ann" manages both A and B; paired together, neither would get feedback from the other.
        var a = new Entry(Guid.NewGuid(), Home, ["ann"], ["ann"]);
        var b = new Entry(Guid.NewGuid(), Home, ["ann", "bob"], ["ann", "bob"]);
        var c = new Entry(Guid.NewGuid(), Home, ["cy"], ["cy"]);
        var d = new Entry(Guid.NewGuid(), Home, ["di"], ["di"]);
        for (var seed = 0; seed < 30; seed++)
        {
            var r = PeerPairing.Arrange([a, b, c, d], Home, 2, balanced: false, new Random(seed));
            AssertCoversEveryoneWithoutSelfReview([a, b, c, d], r);
            Assert.DoesNotContain(r.Groups, g => g.Contains(a) && g.Contains(b));
        }
    }

    [Fact]
    public void AcrossCohorts_OnlyOptedInWorksheetsMeetOtherCohorts()
    {
        var closed = Solo(3);
        var open = Solo(2, open: true);
        var elsewhere = Solo(3, Other, open: true);
        var refused = Solo(1, Other, open: false);
        List<Entry> all = [.. closed, .. open, .. elsewhere, .. refused];
        for (var seed = 0; seed < 30; seed++)
        {
            var r = PeerPairing.Arrange(all, Home, 2, balanced: false, new Random(seed));
            Assert.Equal(refused, r.LeftOut);
            foreach (var g in r.Groups.Where(g => g.Any(e => e.CohortId == Other)))
                Assert.All(g, e => Assert.True(e.Open));
            AssertCoversEveryoneWithoutSelfReview(all, r);
            Assert.Equal(8, r.Groups.Sum(g => g.Count));
        }
    }

    [Fact]
    public void AcrossCohorts_ALoneClosedWorksheetTakesAnOptedInPartnerFromHome()
    {
        var closed = Solo(1);
        var open = Solo(1, open: true);
        var elsewhere = Solo(2, Other, open: true);
        var r = PeerPairing.Arrange([.. closed, .. open, .. elsewhere], Home, 2, false, new Random(3));
        Assert.Empty(r.LeftOut);
        Assert.Contains(r.Groups, g => g.Contains(closed[0]) && g.Contains(open[0]));
    }

    [Fact]
    public void ALoneWorksheet_IsLeftOut_AndNobodyIsAsked()
    {
        var r = PeerPairing.Arrange(Solo(1), Home, 2, false, new Random(1));
        Assert.Single(r.LeftOut);
        Assert.Empty(r.Reviews);
    }
}
