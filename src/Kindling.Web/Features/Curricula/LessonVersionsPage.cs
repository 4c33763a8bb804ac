using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>One row of a lesson's version list: who saved it is a name, or null for the built-in files and start-up
/// sync (<paramref name="Saved"/> false) or an account deleted since (true).</summary>
public sealed record VersionRow(
    int Number,
    string Title,
    DateTime CreatedUtc,
    string? By,
    string Origin,
    string Note,
    int? RestoredFrom,
    bool Saved = false
);

/// <summary>What the lesson version pages share: the lesson, its versions newest first, the viewer's zone.</summary>
public abstract class LessonVersionsPage(KindlingDb db) : PageModel
{
    protected KindlingDb Db { get; } = db;
    public Curriculum Curriculum { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public List<VersionRow> Versions { get; private set; } = [];
    public string ViewerZone { get; private set; } = "UTC";
    public int Current => Versions.Count > 0 ? Versions[0].Number : 0;
    public string LessonUrl => $"/curricula/{Curriculum.Slug}/lessons/{Lesson.Slug}";

    protected async Task<bool> LoadAsync(string slug, string lessonSlug)
    {
        if (await Db.FindLessonAsync(slug, lessonSlug) is not var (curriculum, lesson))
            return false;
        (Curriculum, Lesson) = (curriculum, lesson);
        Versions = await Db
            .LessonVersions.AsNoTracking()
            .Where(v => v.LessonId == lesson.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(
                v.Number,
                v.Title,
                v.CreatedUtc,
                Db.Users.Where(u => u.Id == v.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                v.Origin,
                v.Note,
                v.RestoredFrom,
                v.CreatedById != null
            ))
            .ToListAsync();
        var userId = CohortAccess.UserId(User);
        ViewerZone = await Db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        return true;
    }

    protected Task<LessonVersion?> FindAsync(int number) =>
        Db.LessonVersions.AsNoTracking().FirstOrDefaultAsync(v => v.LessonId == Lesson.Id && v.Number == number);

    public static string ByLine(VersionRow v) =>
        v.By
        ?? (
            v.Saved ? FormerMember.Name
            : v.Origin == VersionOrigins.BuiltIn ? "Kindling (built-in files)"
            : "Kindling"
        );
}
