namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Who may see who wrote an anonymous contribution (a response, a question, session feedback): its author, and
/// facilitators when the cohort allows it. Whatever goes to everyone — broadcasts, exports — names no anonymous
/// author at all.
/// </summary>
public static class AnonymousAuthors
{
    /// <summary>Facilitators see anonymous authors only when their cohort allows it.</summary>
    public static bool FacilitatorSees(bool isFacilitator, bool cohortAllows) => isFacilitator && cohortAllows;

    /// <summary>Whether this reader sees the author of every anonymous contribution in the session.</summary>
    public static bool SeenBy(LiveContext reader) =>
        FacilitatorSees(reader.IsFacilitator, reader.FacilitatorsSeeAnonymousAuthors);

    /// <summary>The author's name as <paramref name="reader"/> may see it; null when it is anonymous to them.</summary>
    public static string? NameFor(LiveContext reader, bool anonymous, string authorId, string? name) =>
        Name(anonymous, authorId == reader.UserId || SeenBy(reader), name);

    /// <summary>The author's name as everyone may see it: null when anonymous.</summary>
    public static string? Public(bool anonymous, string? name) => Name(anonymous, false, name);

    /// <summary>The name, or null when the contribution is anonymous and the reader may not see who wrote it. An
    /// author whose account was deleted (no name found) reads as <see cref="FormerMember.Name"/>.</summary>
    public static string? Name(bool anonymous, bool readerSees, string? name) =>
        !anonymous || readerSees ? FormerMember.Or(name) : null;
}
