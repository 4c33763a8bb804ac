namespace Kindling.Web.Features.PersonalData;

/// <summary>One cohort the person is in, as deleting their account sees it.</summary>
public sealed record CohortSeat(Guid CohortId, string Name, bool Facilitates, int OtherFacilitators, int OtherMembers);

/// <summary>When an account may be deleted, and what goes with it besides the person's own records.</summary>
public static class DeletionRules
{
    /// <summary>
    /// Why the account can't be deleted yet, one sentence each, or none: a cohort with other members would be left
    /// without a facilitator, the Kindling without an admin, or open concern reports without anyone to read them.
    /// </summary>
    public static List<string> Refusals(IEnumerable<CohortSeat> seats, bool onlyAdmin, int reportsOnlyTheyRead)
    {
        var reasons = seats
            .Where(s => s.Facilitates && s.OtherFacilitators == 0 && s.OtherMembers > 0)
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s =>
                $"Make someone else a facilitator of “{s.Name}” first: you are its only facilitator, and it has "
                + "other members."
            )
            .ToList();
        if (onlyAdmin)
            reasons.Add(
                "You are the only admin of this Kindling, and it needs one: your account stays until another admin "
                    + "can sign in."
            );
        if (reportsOnlyTheyRead > 0)
            reasons.Add(
                reportsOnlyTheyRead == 1
                    ? "An open concern report waits for you alone to read it. Resolve or close it first, so it is not "
                        + "left with nobody to read it."
                    : $"{reportsOnlyTheyRead} open concern reports wait for you alone to read them. Resolve or close "
                        + "them first, so they are not left with nobody to read them."
            );
        return reasons;
    }

    /// <summary>Cohorts nobody else is in: nobody could open them again, so they go with the account, with their
    /// sessions, documents and projects.</summary>
    public static List<CohortSeat> GoWithTheAccount(IEnumerable<CohortSeat> seats) =>
        seats.Where(s => s.OtherMembers == 0).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}
