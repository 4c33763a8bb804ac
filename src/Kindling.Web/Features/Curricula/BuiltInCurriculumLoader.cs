using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Loads the curriculum folders shipped with the app on first start. On every later start a built-in curriculum is
/// brought in line with the shipped files: a lesson whose file changed since it was last synced gets the file as a new
/// version (the current one; browser edits stay as older versions anyone may restore), a lesson new to the files is
/// added, and the assignment templates follow the files. Nothing is written when nothing changed, and when the folder
/// holds exactly what it held at the last complete sync (<see cref="BuiltInFingerprint"/>) nothing is read either: the
/// comparison depends only on the files and on rows that only this sync writes.
/// </summary>
public sealed class BuiltInCurriculumLoader(
    KindlingDb db,
    CurriculumStore store,
    IConfiguration config,
    TimeProvider clock,
    ILogger<BuiltInCurriculumLoader> log
)
{
    public const string SyncNote = "The built-in lesson files changed.";

    public Task LoadAsync() =>
        LoadAsync(config["Curriculum:BuiltInPath"] ?? Path.Combine(AppContext.BaseDirectory, "curriculum"));

    public async Task LoadAsync(string root)
    {
        if (!Directory.Exists(root))
        {
            log.LogWarning("No built-in curriculum folder at {Path}", root);
            return;
        }
        var key = Path.GetFullPath(root);
        var fingerprint = BuiltInFingerprint.Of(root);
        if (await db.BuiltInCurriculumSyncs.AnyAsync(s => s.Root == key && s.Fingerprint == fingerprint))
        {
            log.LogDebug("The built-in curriculum files at {Path} are unchanged since the last start", root);
            return;
        }
        var complete = true;
        foreach (var dir in Directory.EnumerateDirectories(root).Order())
        {
            var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(dir));
            if (package is null)
                throw new InvalidOperationException(
                    $"The built-in curriculum in {dir} is malformed: {string.Join("; ", errors)}"
                );
            if (await db.Curricula.FirstOrDefaultAsync(c => c.Slug == package.Slug) is { } existing)
            {
                if (existing.IsBuiltIn)
                    complete &= await SyncAsync(existing, package);
                continue;
            }
            await store.ImportAsync(package, builtIn: true);
            log.LogInformation(
                "Loaded built-in curriculum {Title} ({Count} lessons)",
                package.Title,
                package.Lessons.Count
            );
        }
        if (complete)
            await RememberAsync(key, fingerprint);
    }

    private async Task RememberAsync(string root, string fingerprint)
    {
        var row = await db.BuiltInCurriculumSyncs.FindAsync(root);
        if (row is null)
            db.BuiltInCurriculumSyncs.Add(row = new BuiltInCurriculumSync { Root = root });
        (row.Fingerprint, row.SyncedUtc) = (fingerprint, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e)
        {
            // Another instance starting at the same moment recorded it first; the next start compares again.
            log.LogWarning(e, "The built-in curriculum fingerprint was recorded by another instance");
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>False when another instance synced at the same moment: its files may not be these.</summary>
    private async Task<bool> SyncAsync(Curriculum existing, CurriculumPackage package)
    {
        try
        {
            if (await SyncLessonsAsync(existing, package) is > 0 and var lessons)
                log.LogInformation(
                    "Updated {Count} lessons of the built-in curriculum {Title} from the shipped files",
                    lessons,
                    existing.Title
                );
            // Databases made before a template was shipped (or changed) get it on the next start.
            if (await store.SyncTemplatesAsync(existing, package) is > 0 and var templates)
                log.LogInformation(
                    "Updated {Count} assignment templates of the built-in curriculum {Title}",
                    templates,
                    existing.Title
                );
            return true;
        }
        catch (DbUpdateException e)
        {
            // Another instance starting at the same moment synced them first (the version numbers are unique per
            // lesson); its copy comes from the same files.
            log.LogWarning(e, "The built-in curriculum {Title} was updated by another instance", existing.Title);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Adds a version for each shipped lesson that differs from the newest version that came from files,
    /// and the lessons the database lacks; returns how many lessons changed.</summary>
    private async Task<int> SyncLessonsAsync(Curriculum curriculum, CurriculumPackage package)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Lessons.Where(l => l.CurriculumId == curriculum.Id).ToListAsync();
        var ids = stored.Select(l => l.Id).ToList();
        var versions = await db
            .LessonVersions.Where(v => ids.Contains(v.LessonId))
            .Select(v => new
            {
                v.LessonId,
                v.Number,
                FromFile = v.Origin == VersionOrigins.BuiltIn || v.Origin == VersionOrigins.Import,
                Source = v.Origin == VersionOrigins.BuiltIn || v.Origin == VersionOrigins.Import ? v.Source : "",
            })
            .ToListAsync();
        var changes = 0;
        foreach (var (file, raw, doc) in package.Lessons)
        {
            var source = raw.Replace("\r\n", "\n");
            var lesson = stored.FirstOrDefault(l => l.Slug == doc.Slug);
            if (lesson is null)
            {
                lesson = new Lesson { CurriculumId = curriculum.Id, Slug = doc.Slug };
                db.Lessons.Add(lesson);
            }
            else
            {
                var mine = versions.Where(v => v.LessonId == lesson.Id).ToList();
                var synced = mine.Where(v => v.FromFile).MaxBy(v => v.Number);
                if (synced is not null && synced.Source.Replace("\r\n", "\n") == source)
                    continue;
            }
            (lesson.Order, lesson.Title, lesson.Status, lesson.FileName, lesson.Source, lesson.UpdatedUtc) = (
                doc.Order,
                doc.Title,
                doc.Status,
                file,
                source,
                now
            );
            var last = versions.Where(v => v.LessonId == lesson.Id).Select(v => v.Number).DefaultIfEmpty().Max();
            var note = last == 0 ? "" : SyncNote;
            db.LessonVersions.Add(LessonVersions.NewVersion(lesson, last + 1, VersionOrigins.BuiltIn, now, null, note));
            changes++;
        }
        if (changes > 0)
            await db.SaveChangesAsync();
        return changes;
    }
}
