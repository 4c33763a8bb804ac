using System.Collections.Concurrent;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public static class CurriculumSetup
{
    public static void AddCurriculum(this IServiceCollection s)
    {
        s.AddScoped<CurriculumStore>();
        s.AddScoped<BuiltInCurriculumLoader>();
        s.AddSingleton<LessonCache>();
    }
}

/// <summary>Parsed lessons by id and edit time, so pages don't re-parse a lesson on every request.</summary>
public sealed class LessonCache
{
    private readonly ConcurrentDictionary<(Guid, DateTime), LessonDocument> _cache = new();

    public LessonDocument Get(Lesson lesson) => _cache.GetOrAdd((lesson.Id, lesson.UpdatedUtc), _ =>
        LessonParser.Parse(lesson.FileName, lesson.Source) is ({ } doc, null)
            ? doc
            : throw new InvalidOperationException($"Stored lesson {lesson.FileName} no longer parses."));
}

public sealed class CurriculumStore(KindlingDb db, TimeProvider clock)
{
    /// <summary>Saves a whole, already validated package in one transaction.</summary>
    public async Task<(Curriculum? Curriculum, string? Error)> ImportAsync(CurriculumPackage package, bool builtIn)
    {
        if (await db.Curricula.AnyAsync(c => c.Slug == package.Slug))
            return (null, $"A curriculum with the slug '{package.Slug}' already exists. Change 'slug' in curriculum.yml to import it as a new curriculum.");
        var now = clock.GetUtcNow().UtcDateTime;
        var curriculum = new Curriculum
        {
            Slug = package.Slug, Title = package.Title, Description = package.Description,
            Attribution = package.Attribution, Version = package.Version, IsBuiltIn = builtIn,
            GuidelinesMarkdown = package.Guidelines, CodeOfConductMarkdown = package.CodeOfConduct, ImportedUtc = now,
            Lessons = package.Lessons.Select(l => new Lesson
            {
                Slug = l.Lesson.Slug, Order = l.Lesson.Order, Title = l.Lesson.Title, Status = l.Lesson.Status,
                FileName = l.File, Source = l.Source, UpdatedUtc = now,
            }).ToList(),
        };
        db.Curricula.Add(curriculum);
        await db.SaveChangesAsync();
        return (curriculum, null);
    }

    /// <summary>Replaces a lesson's source after checking it parses and keeps its slug.</summary>
    public async Task<CurriculumError?> UpdateLessonAsync(Lesson lesson, string source)
    {
        var (doc, error) = LessonParser.Parse(lesson.FileName, source);
        if (error is not null) return error;
        if (doc!.Slug != lesson.Slug)
            return new CurriculumError(lesson.FileName, 2, $"The slug must stay '{lesson.Slug}': sessions and links point to it.");
        if (await db.Lessons.AnyAsync(l => l.CurriculumId == lesson.CurriculumId && l.Id != lesson.Id && l.Order == doc.Order))
            return new CurriculumError(lesson.FileName, 2, $"Another lesson of this curriculum already has order {doc.Order}.");
        lesson.Source = source.Replace("\r\n", "\n");
        lesson.Title = doc.Title;
        lesson.Order = doc.Order;
        lesson.Status = doc.Status;
        lesson.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return null;
    }
}

/// <summary>Loads the curriculum folders shipped with the app on first start; later edits in the browser are kept.</summary>
public sealed class BuiltInCurriculumLoader(KindlingDb db, CurriculumStore store, IConfiguration config, ILogger<BuiltInCurriculumLoader> log)
{
    public async Task LoadAsync()
    {
        var root = config["Curriculum:BuiltInPath"] ?? Path.Combine(AppContext.BaseDirectory, "curriculum");
        if (!Directory.Exists(root)) { log.LogWarning("No built-in curriculum folder at {Path}", root); return; }
        foreach (var dir in Directory.EnumerateDirectories(root).Order())
        {
            var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(dir));
            if (package is null)
                throw new InvalidOperationException($"The built-in curriculum in {dir} is malformed: {string.Join("; ", errors)}");
            if (await db.Curricula.AnyAsync(c => c.Slug == package.Slug)) continue;
            await store.ImportAsync(package, builtIn: true);
            log.LogInformation("Loaded built-in curriculum {Title} ({Count} lessons)", package.Title, package.Lessons.Count);
        }
    }
}
