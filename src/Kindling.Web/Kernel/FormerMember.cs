namespace Kindling.Web.Kernel;

/// <summary>
/// How Kindling names a person whose account was deleted, wherever words they wrote stay for the others (live
/// responses and questions, the trail of a concern report). Every page, export and broadcast that looks up an author's
/// name and finds no account reads this instead of a blank.
/// </summary>
public static class FormerMember
{
    public const string Name = "a former member";

    /// <summary>The name found, or <see cref="Name"/> when the account is gone.</summary>
    public static string Or(string? name) => name ?? Name;
}
