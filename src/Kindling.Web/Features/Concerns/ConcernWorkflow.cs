using Kindling.Domain;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// The life of a report: new → acknowledged → in progress → resolved or closed, and back to in progress when a
/// resolved or closed report needs more work. Each step is one button on the report page.
/// </summary>
public static class ConcernWorkflow
{
    public sealed record Step(ConcernStatus To, string Button);

    private static readonly Dictionary<ConcernStatus, Step[]> Steps = new()
    {
        [ConcernStatus.New] = [new(ConcernStatus.Acknowledged, "Acknowledge")],
        [ConcernStatus.Acknowledged] =
        [
            new(ConcernStatus.InProgress, "Start working on it"),
            new(ConcernStatus.Resolved, "Mark resolved"),
            new(ConcernStatus.Closed, "Close"),
        ],
        [ConcernStatus.InProgress] = [new(ConcernStatus.Resolved, "Mark resolved"), new(ConcernStatus.Closed, "Close")],
        [ConcernStatus.Resolved] = [new(ConcernStatus.Closed, "Close"), new(ConcernStatus.InProgress, "Reopen")],
        [ConcernStatus.Closed] = [new(ConcernStatus.InProgress, "Reopen")],
    };

    public static IReadOnlyList<Step> From(ConcernStatus status) => Steps[status];

    public static bool Allows(ConcernStatus from, ConcernStatus to) => Steps[from].Any(s => s.To == to);

    public static bool IsClosed(ConcernStatus status) => status is ConcernStatus.Resolved or ConcernStatus.Closed;

    public static string Label(ConcernStatus status) =>
        status switch
        {
            ConcernStatus.New => "New",
            ConcernStatus.Acknowledged => "Acknowledged",
            ConcernStatus.InProgress => "In progress",
            ConcernStatus.Resolved => "Resolved",
            _ => "Closed",
        };

    /// <summary>The value a form posts for a status ("in-progress"), and back.</summary>
    public static string Value(ConcernStatus status) => Label(status).ToLowerInvariant().Replace(' ', '-');

    public static bool TryParse(string? value, out ConcernStatus status)
    {
        foreach (var s in Enum.GetValues<ConcernStatus>())
            if (string.Equals(Value(s), value, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        status = default;
        return false;
    }
}
