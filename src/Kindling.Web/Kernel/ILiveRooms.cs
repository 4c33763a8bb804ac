namespace Kindling.Web.Kernel;

/// <summary>
/// What other parts of Kindling tell the open live rooms. The live session feature implements it, so account,
/// membership and worksheet code need not know how rooms work (and the features stay free of cycles).
/// </summary>
public interface ILiveRooms
{
    /// <summary>Close the person's connections to the cohort's sessions: they left or were removed.</summary>
    Task EvictAsync(Guid cohortId, string userId);

    /// <summary>Close every live connection of the person: their sign-in is no longer valid.</summary>
    Task EvictEverywhereAsync(string userId);

    /// <summary>A worksheet of the cohort was shared or made private: refresh the rooms' "share your insights"
    /// lists.</summary>
    Task SharedWorksheetsChangedAsync(Guid cohortId);
}
