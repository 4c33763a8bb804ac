using Kindling.Domain;

namespace Kindling.Tests.Domain;

public class InvitationTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Invitation Make(int? maxUses = 1) =>
        new() { Token = "t", Role = CohortRole.Participant, MaxUses = maxUses, ExpiresUtc = Now.AddDays(1), CreatedUtc = Now };

    [Fact]
    public void SingleUse_UsedOnce_IsUsedUpAndRefusesASecondUse()
    {
        var inv = Make();
        inv.Use(Now);
        Assert.Equal(InvitationState.Used, inv.StateAt(Now));
        var error = Assert.Throws<DomainException>(() => inv.Use(Now));
        Assert.Contains("already been used", error.Message);
        Assert.Equal(1, inv.Uses);
    }

    [Fact]
    public void MultiUse_UsedManyTimes_StaysOpenUntilExpiry()
    {
        var inv = Make(maxUses: null);
        for (var i = 0; i < 25; i++) inv.Use(Now);
        Assert.Equal(InvitationState.Open, inv.StateAt(Now));
        Assert.Equal(InvitationState.Expired, inv.StateAt(Now.AddDays(1)));
    }

    [Fact]
    public void Revoked_EvenBeforeExpiry_IsRevokedAndSaysWithdrawn()
    {
        var inv = Make();
        inv.RevokedUtc = Now;
        Assert.Equal(InvitationState.Revoked, inv.StateAt(Now));
        Assert.Contains("withdrawn", Assert.Throws<DomainException>(() => inv.Use(Now)).Message);
    }

    [Fact]
    public void Cohort_AddSameMemberTwice_IsRefused()
    {
        var cohort = new Cohort();
        cohort.AddMember("u1", CohortRole.Participant, Now);
        Assert.Contains("already a member", Assert.Throws<DomainException>(() => cohort.AddMember("u1", CohortRole.Observer, Now)).Message);
        Assert.Single(cohort.Members);
    }
}
