using Kindling.Web.Features.Webhooks;

namespace Kindling.Tests.Webhooks;

/// <summary>A delivery that fails is tried again after growing pauses, six attempts in all.</summary>
public class WebhookRetriesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, 720)]
    public void After_AFailedAttempt_TheNextIsDueAfterTheBackOff(int attempts, int minutes)
    {
        var (givenUp, next) = WebhookRetries.After(attempts, Now);

        Assert.False(givenUp);
        Assert.Equal(Now.AddMinutes(minutes), next);
    }

    [Fact]
    public void After_TheSixthFailedAttempt_ItHasFailedForGood()
    {
        Assert.False(WebhookRetries.After(5, Now).GivenUp);
        Assert.True(WebhookRetries.After(6, Now).GivenUp);
    }
}
