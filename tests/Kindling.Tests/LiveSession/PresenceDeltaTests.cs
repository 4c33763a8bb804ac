using Kindling.LiveClient;

namespace Kindling.Tests.LiveSession;

/// <summary>Clients keep "who is here" from one whole list plus deltas; applying a delta must give the list the server
/// has.</summary>
public class PresenceDeltaTests
{
    private static readonly PresentMember Ada = new("u1", "Ada", "Participant"),
        Bo = new("u2", "Bo", "Facilitator"),
        Cy = new("u3", "Cy", "Observer");

    [Fact]
    public void Apply_RemovesThoseWhoLeft_AddsThoseWhoArrived_OrderedByName()
    {
        var after = new PresenceDelta([Ada], ["u3"]).Apply([Bo, Cy]);
        Assert.Equal([Ada, Bo], after);
    }

    [Fact]
    public void Apply_ReplacesAMemberWhoseNameOrRoleChanged_AndIgnoresRepeats()
    {
        var renamed = Ada with { Name = "Zoe", Role = "Facilitator" };
        var after = new PresenceDelta([renamed], []).Apply([Ada, Bo]);
        Assert.Equal([Bo, renamed], after);
        // applying again (or an unknown leaver) changes nothing
        Assert.Equal(after, new PresenceDelta([renamed], ["u9"]).Apply(after));
    }
}
