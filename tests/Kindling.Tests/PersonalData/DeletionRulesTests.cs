using Kindling.Web.Features.PersonalData;

namespace Kindling.Tests.PersonalData;

public class DeletionRulesTests
{
    private static CohortSeat Seat(string name, bool facilitates, int otherFacilitators, int otherMembers) =>
        new(Guid.NewGuid(), name, facilitates, otherFacilitators, otherMembers);

    [Fact]
    public void Refusals_OnlyFacilitatorOfACohortWithMembers_NamesThatCohort()
    {
        var reasons = DeletionRules.Refusals(
            [Seat("Spring", true, 0, 4), Seat("Autumn", true, 1, 4), Seat("Winter", false, 0, 4)],
            onlyAdmin: false,
            reportsOnlyTheyRead: 0
        );
        var reason = Assert.Single(reasons);
        Assert.StartsWith("Make someone else a facilitator of “Spring” first", reason);
    }

    [Fact]
    public void Refusals_NobodyElseInTheCohort_IsNoReason_TheCohortGoesWithTheAccount()
    {
        var alone = Seat("Solo", true, 0, 0);
        Assert.Empty(DeletionRules.Refusals([alone], onlyAdmin: false, reportsOnlyTheyRead: 0));
        Assert.Equal([alone], DeletionRules.GoWithTheAccount([alone, Seat("Spring", false, 1, 3)]));
    }

    [Fact]
    public void Refusals_OnlyAdminAndUnreadReports_EachGiveAReason()
    {
        var reasons = DeletionRules.Refusals([], onlyAdmin: true, reportsOnlyTheyRead: 2);
        Assert.Equal(2, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("You are the only admin", StringComparison.Ordinal));
        Assert.Contains(
            reasons,
            r => r.StartsWith("2 open concern reports wait for you alone", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Refusals_NothingStandsInTheWay_IsEmpty() =>
        Assert.Empty(DeletionRules.Refusals([Seat("Spring", false, 1, 5)], onlyAdmin: false, reportsOnlyTheyRead: 0));
}
