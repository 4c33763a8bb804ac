using Kindling.Domain;

namespace Kindling.Tests.Domain;

/// <summary>When a session counts as held (attendance pages and the overview ask the same rule).</summary>
public class SessionHeldTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-60, false, true)] // started an hour ago
    [InlineData(0, false, true)] // starts this very moment
    [InlineData(7 * 24 * 60, true, true)] // a week away, but the facilitator opened its room: held early
    [InlineData(7 * 24 * 60, false, false)] // a week away, nobody opened it
    public void Held_WhenStartedOrItsRoomWasOpened(int startsInMinutes, bool opened, bool held) =>
        Assert.Equal(held, Session.Held(Now.AddMinutes(startsInMinutes), opened, Now));
}
