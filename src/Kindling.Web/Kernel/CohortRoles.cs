using Kindling.Domain;

namespace Kindling.Web.Kernel;

/// <summary>The three cohort roles as forms send them ("participant") and as people read them
/// ("Participant").</summary>
public static class CohortRoles
{
    public static readonly IReadOnlyList<CohortRole> All =
    [
        CohortRole.Participant,
        CohortRole.Observer,
        CohortRole.Facilitator,
    ];

    public static string Value(CohortRole role) => role.ToString().ToLowerInvariant();

    public static string Label(CohortRole role) => role.ToString();

    /// <summary>Accepts only the three names (any case); numbers and unknown words are refused.</summary>
    public static bool TryParse(string? value, out CohortRole role)
    {
        role = default;
        var match = All.Where(r => string.Equals(Value(r), value?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count != 1)
            return false;
        role = match[0];
        return true;
    }

    public const string ChooseRoleMessage = "Choose a role: facilitator, participant or observer.";
}
