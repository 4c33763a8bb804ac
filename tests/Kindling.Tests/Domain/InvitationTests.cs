using Kindling.Domain;

namespace Kindling.Tests.Domain;

public class InvitationTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Invitation Make(int? maxUses = 1) =>
        new()
        {
            Token = "t",
            Role = CohortRole.Participant,
            MaxUses = maxUses,
            ExpiresUtc = Now.AddDays(1),
            CreatedUtc = Now,
        };

    /// <summary>OpenAt is what the database checks when it counts a use; it must say what StateAt says.</summary>
    [Theory]
    [InlineData(1, 0, false, 0, InvitationState.Open)]
    [InlineData(1, 1, false, 0, InvitationState.Used)]
    [InlineData(null, 25, false, 0, InvitationState.Open)]
    [InlineData(null, 0, false, 1, InvitationState.Expired)]
    [InlineData(1, 0, false, 2, InvitationState.Expired)]
    [InlineData(null, 0, true, 0, InvitationState.Revoked)]
    public void OpenAt_AgreesWithStateAt(int? maxUses, int uses, bool revoked, int daysLater, InvitationState expected)
    {
        var inv = Make(maxUses);
        inv.Uses = uses;
        if (revoked)
            inv.RevokedUtc = Now;
        var at = Now.AddDays(daysLater);
        Assert.Equal(expected, inv.StateAt(at));
        Assert.Equal(expected == InvitationState.Open, Invitation.OpenAt(at).Compile()(inv));
    }

    [Fact]
    public void UsedState_Describe_SaysAlreadyUsed() =>
        Assert.Contains("already been used", InvitationState.Used.Describe());

    [Fact]
    public void RevokedState_Describe_SaysWithdrawn() =>
        Assert.Contains("withdrawn", InvitationState.Revoked.Describe());

    [Fact]
    public void Cohort_AddSameMemberTwice_IsRefused()
    {
        var cohort = new Cohort();
        cohort.AddMember("u1", CohortRole.Participant, Now);
        Assert.Contains(
            "already a member",
            Assert.Throws<DomainException>(() => cohort.AddMember("u1", CohortRole.Observer, Now)).Message
        );
        Assert.Single(cohort.Members);
    }
}
