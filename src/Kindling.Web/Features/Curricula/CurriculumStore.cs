using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kindling.Web.Features.Curricula;

public static class CurriculumSetup
{
    public static void AddCurriculum(this IServiceCollection s)
    {
        s.AddScoped<CurriculumStore>();
        s.AddScoped<BuiltInCurriculumLoader>();
        s.AddScoped<IStartupTask, CurriculumStartup>(); // start-up tasks run in registration order: this one first
        s.AddSingleton<LessonCache>();
        s.AddParsedCache<LessonCache>(LessonCache.Limit);
    }
}

/// <summary>Parsed lessons, one entry per lesson (<see cref="ParsedCache"/>).</summary>
public sealed class LessonCache([FromKeyedServices(typeof(LessonCache))] IMemoryCache cache)
{
    /// <summary>Lessons kept parsed: many curricula's worth.</summary>
    public const int Limit = 500;

    public LessonDocument Get(Lesson lesson) =>
        cache.GetOrParse(
            lesson.Id,
            lesson.UpdatedUtc,
            () =>
                LessonParser.Parse(lesson.FileName, lesson.Source) is ({ } doc, null)
                    ? doc
                    : throw new InvalidOperationException($"Stored lesson {lesson.FileName} no longer parses.")
        );
}

public sealed class CurriculumStore(KindlingDb db, TimeProvider clock)
{
    /// <summary>Saves a whole, already validated package in one transaction.</summary>
    public async Task<(Curriculum? Curriculum, string? Error)> ImportAsync(CurriculumPackage package, bool builtIn)
    {
        if (await db.Curricula.AnyAsync(c => c.Slug == package.Slug))
            return (
                null,
                $"A curriculum with the slug '{package.Slug}' already exists. Change 'slug' in curriculum.yml to "
                    + $"import it as a new curriculum."
            );
        var now = clock.GetUtcNow().UtcDateTime;
        var curriculum = new Curriculum
        {
            Slug = package.Slug,
            Title = package.Title,
            Description = package.Description,
            Attribution = package.Attribution,
            Version = package.Version,
            IsBuiltIn = builtIn,
            GuidelinesMarkdown = package.Guidelines,
            CodeOfConductMarkdown = package.CodeOfConduct,
            ImportedUtc = now,
            Lessons = package
                .Lessons.Select(l => new Lesson
                {
                    Slug = l.Lesson.Slug,
                    Order = l.Lesson.Order,
                    Title = l.Lesson.Title,
                    Status = l.Lesson.Status,
                    FileName = l.File,
                    Source = l.Source,
                    UpdatedUtc = now,
                })
                .ToList(),
        };
        db.Curricula.Add(curriculum);
        db.AssignmentTemplates.AddRange(
            package.Templates.Select(t => TemplateRow(curriculum.Id, t.File, t.Source, t.Template, now))
        );
        await db.SaveChangesAsync();
        return (curriculum, null);
    }

    private static AssignmentTemplate TemplateRow(
        Guid curriculumId,
        string file,
        string source,
        WorksheetTemplate t,
        DateTime now
    ) =>
        new()
        {
            CurriculumId = curriculumId,
            Slug = t.Slug,
            LessonSlug = t.Lesson,
            Title = t.Title,
            FileName = file,
            Source = source.Replace("\r\n", "\n"),
            UpdatedUtc = now,
        };

    /// <summary>
    /// Brings a stored built-in curriculum's templates in line with the shipped files (templates are not edited in the
    /// browser, so the files win): adds new ones, replaces changed ones, removes dropped ones. Worksheets keep the
    /// template they were copied from. A template whose lesson the stored curriculum lacks is left out.
    /// </summary>
    public async Task<int> SyncTemplatesAsync(Curriculum curriculum, CurriculumPackage package)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lessonSlugs = await db
            .Lessons.Where(l => l.CurriculumId == curriculum.Id)
            .Select(l => l.Slug)
            .ToListAsync();
        var stored = await db.AssignmentTemplates.Where(t => t.CurriculumId == curriculum.Id).ToListAsync();
        var shipped = package.Templates.Where(t => lessonSlugs.Contains(t.Template.Lesson)).ToList();
        var changes = 0;
        foreach (var row in stored.Where(r => shipped.All(t => t.Template.Slug != r.Slug)))
        {
            db.AssignmentTemplates.Remove(row);
            changes++;
        }
        foreach (var (file, source, template) in shipped)
        {
            var fresh = TemplateRow(curriculum.Id, file, source, template, now);
            var row = stored.FirstOrDefault(r => r.Slug == template.Slug);
            if (row is null)
                db.AssignmentTemplates.Add(fresh);
            else if (row.Source != fresh.Source || row.FileName != fresh.FileName)
            {
                (row.LessonSlug, row.Title, row.FileName, row.Source, row.UpdatedUtc) = (
                    fresh.LessonSlug,
                    fresh.Title,
                    fresh.FileName,
                    fresh.Source,
                    now
                );
            }
            else
                continue;
            changes++;
        }
        await db.SaveChangesAsync();
        return changes;
    }

    /// <summary>Replaces a lesson's source after checking it parses and keeps its slug.</summary>
    public async Task<CurriculumError?> UpdateLessonAsync(Lesson lesson, string source)
    {
        var (doc, error) = LessonParser.Parse(lesson.FileName, source);
        if (error is not null)
            return error;
        if (doc!.Slug != lesson.Slug)
            return new CurriculumError(
                lesson.FileName,
                2,
                $"The slug must stay '{lesson.Slug}': sessions and links point to it."
            );
        if (
            await db.Lessons.AnyAsync(l =>
                l.CurriculumId == lesson.CurriculumId && l.Id != lesson.Id && l.Order == doc.Order
            )
        )
            return new CurriculumError(
                lesson.FileName,
                2,
                $"Another lesson of this curriculum already has order {doc.Order}."
            );
        if (
            doc.Assignment?.Template is { } template
            && !await db.AssignmentTemplates.AnyAsync(t =>
                t.CurriculumId == lesson.CurriculumId && t.Slug == template && t.LessonSlug == lesson.Slug
            )
        )
            return new CurriculumError(
                lesson.FileName,
                PackageTemplates.LineOf(source, "template"),
                $"The assignment names the template '{template}', but this curriculum has no template with that slug "
                    + $"for this lesson."
            );
        lesson.Source = source.Replace("\r\n", "\n");
        lesson.Title = doc.Title;
        lesson.Order = doc.Order;
        lesson.Status = doc.Status;
        lesson.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return null;
    }
}

/// <summary>
/// Loads the curriculum folders shipped with the app on first start; later edits of lessons in the browser are kept.
/// On every start the built-in curricula's assignment templates are brought in line with the shipped files.
/// </summary>
public sealed class BuiltInCurriculumLoader(
    KindlingDb db,
    CurriculumStore store,
    IConfiguration config,
    ILogger<BuiltInCurriculumLoader> log
)
{
    public async Task LoadAsync()
    {
        var root = config["Curriculum:BuiltInPath"] ?? Path.Combine(AppContext.BaseDirectory, "curriculum");
        if (!Directory.Exists(root))
        {
            log.LogWarning("No built-in curriculum folder at {Path}", root);
            return;
        }
        foreach (var dir in Directory.EnumerateDirectories(root).Order())
        {
            var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(dir));
            if (package is null)
                throw new InvalidOperationException(
                    $"The built-in curriculum in {dir} is malformed: {string.Join("; ", errors)}"
                );
            if (await db.Curricula.FirstOrDefaultAsync(c => c.Slug == package.Slug) is { } existing)
            {
                // Databases made before a template was shipped (or changed) get it on the next start.
                if (!existing.IsBuiltIn)
                    continue;
                try
                {
                    if (await store.SyncTemplatesAsync(existing, package) is > 0 and var changed)
                        log.LogInformation(
                            "Updated {Count} assignment templates of the built-in curriculum {Title}",
                            changed,
                            existing.Title
                        );
                }
                catch (DbUpdateException e)
                {
                    // Another instance starting at the same moment synced them first; its copy comes from the same
                    // files.
                    log.LogWarning(
                        e,
                        "Assignment templates of {Title} were updated by another instance",
                        existing.Title
                    );
                    db.ChangeTracker.Clear();
                }
                continue;
            }
            await store.ImportAsync(package, builtIn: true);
            log.LogInformation(
                "Loaded built-in curriculum {Title} ({Count} lessons)",
                package.Title,
                package.Lessons.Count
            );
        }
    }
}
