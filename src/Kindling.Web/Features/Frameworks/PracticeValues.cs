namespace Kindling.Web.Features.Frameworks;

// The value of an open practices field (JSON, camelCase). Keep changes additive.

/// <summary>One practice and how far the community has it: <see cref="State"/> is one of
/// <see cref="PracticeStates.All"/>.</summary>
public sealed record PracticeRow(string Practice, string State, string Evidence, string Next);

/// <summary>How far a practice is in place, from not yet to in place, with the words people read for each.</summary>
public static class PracticeStates
{
    public const string NotYet = "not-yet";
    public const string Partly = "partly";
    public const string InPlace = "in-place";

    /// <summary>The states in order, from not yet to in place.</summary>
    public static readonly IReadOnlyList<string> All = [NotYet, Partly, InPlace];

    public static bool IsKnown(string? state) => state is not null && All.Contains(state);

    /// <summary>The state as people read it ("In place"); an unknown state reads as not yet.</summary>
    public static string Label(string? state) =>
        state switch
        {
            InPlace => "In place",
            Partly => "Partly",
            _ => "Not yet",
        };

    /// <summary>The state of a stored row: an unknown or missing one counts as not yet.</summary>
    public static string Of(PracticeRow row) => IsKnown(row?.State) ? row!.State : NotYet;
}
