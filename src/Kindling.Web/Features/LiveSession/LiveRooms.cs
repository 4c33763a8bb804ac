namespace Kindling.Web.Features.LiveSession;

/// <summary>The live rooms as the rest of Kindling sees them (<see cref="ILiveRooms"/>).</summary>
public sealed class LiveRooms(LiveEviction eviction, ShareSlotUpdates shareSlots) : ILiveRooms
{
    public Task EvictAsync(Guid cohortId, string userId) => eviction.EvictAsync(cohortId, userId);

    public Task EvictEverywhereAsync(string userId) => eviction.EvictEverywhereAsync(userId);

    public Task SharedWorksheetsChangedAsync(Guid cohortId) => shareSlots.PublishAsync(cohortId);
}
