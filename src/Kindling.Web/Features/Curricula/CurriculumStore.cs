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
        s.AddScoped<TemplateEdits>();
        s.AddScoped<LessonVersions>();
        s.AddScoped<BuiltInCurriculumLoader>();
        // Start-up tasks run in registration order: these first. Lessons stored before versions existed get their
        // version 1 (and cohorts their pins) before the built-in files are compared with them.
        s.AddScoped<IStartupTask, LessonVersionBackfill>();
        s.AddScoped<IStartupTask, CurriculumStartup>();
        s.AddSingleton<LessonCache>();
        s.AddParsedCache<LessonCache>(LessonCache.Limit);
    }
}

/// <summary>Parsed lessons, one entry per lesson and one per version (<see cref="ParsedCache"/>).</summary>
public sealed class LessonCache([FromKeyedServices(typeof(LessonCache))] IMemoryCache cache)
{
    /// <summary>Lessons kept parsed: many curricula's worth.</summary>
    public const int Limit = 500;

    /// <summary>The lesson's current version.</summary>
    public LessonDocument Get(Lesson lesson) =>
        cache.GetOrParse(lesson.Id, lesson.UpdatedUtc, () => Parse(lesson.FileName, lesson.Source));

    /// <summary>One version of a lesson; versions never change, so the entry stays valid.</summary>
    public LessonDocument Get(LessonVersion version) =>
        cache.GetOrParse(version.Id, version.CreatedUtc, () => Parse(version.FileName, version.Source));

    /// <summary>
    /// What a session teaches: its lesson version, or the lesson's current one for a session that has none yet. Load
    /// the session with <see cref="SessionLessons.WithLesson"/>.
    /// </summary>
    public LessonDocument Of(Session session) =>
        session.LessonVersion is { } version ? Get(version)
        : session.LessonVersionId is null && session.Lesson is { } lesson ? Get(lesson)
        : throw new InvalidOperationException("Load the session with WithLesson() to read its lesson.");

    /// <summary>
    /// What a session teaches, from its <see cref="LessonKey"/> (ids and edit times only): the lesson's text is read
    /// from the database only when the parsed copy is missing or older. Lets a page list many sessions without
    /// loading every lesson's source.
    /// </summary>
    public async Task<LessonDocument> OfAsync(KindlingDb db, LessonKey key)
    {
        if (key.VersionId is { } versionId)
        {
            if (cache.Cached<LessonDocument>(versionId, key.VersionCreatedUtc!.Value) is { } cachedVersion)
                return cachedVersion;
            return Get(await db.LessonVersions.AsNoTracking().SingleAsync(v => v.Id == versionId));
        }
        if (cache.Cached<LessonDocument>(key.LessonId, key.LessonUpdatedUtc) is { } cached)
            return cached;
        return Get(await db.Lessons.AsNoTracking().SingleAsync(l => l.Id == key.LessonId));
    }

    private static LessonDocument Parse(string fileName, string source) =>
        LessonParser.Parse(fileName, source) is ({ } doc, null)
            ? doc
            : throw new InvalidOperationException($"Stored lesson {fileName} no longer parses.");
}

/// <summary>Which lesson text a session teaches, and as of when: enough to find its parsed copy.</summary>
public sealed record LessonKey(Guid LessonId, DateTime LessonUpdatedUtc, Guid? VersionId, DateTime? VersionCreatedUtc);

public static class SessionLessons
{
    /// <summary>Sessions with what <see cref="LessonCache.Of"/> needs: the lesson and the version they
    /// teach.</summary>
    public static IQueryable<Session> WithLesson(this IQueryable<Session> sessions) =>
        sessions.Include(s => s.Lesson).Include(s => s.LessonVersion);
}

public sealed class CurriculumStore(KindlingDb db, LessonVersions versions, TimeProvider clock)
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
        db.LessonVersions.AddRange(
            curriculum.Lessons.Select(l =>
                LessonVersions.NewVersion(l, 1, builtIn ? VersionOrigins.BuiltIn : VersionOrigins.Import, now)
            )
        );
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
            FileSource = source.Replace("\r\n", "\n"),
            UpdatedUtc = now,
        };

    /// <summary>
    /// Brings a stored built-in curriculum's templates in line with the shipped files: adds new ones, replaces those
    /// whose file changed since it was last synced (a browser edit stays until then, as with lessons), removes dropped
    /// ones. Worksheets keep the template they were copied from. A template whose lesson the stored curriculum lacks
    /// is left out.
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
            else if (row.FileSource != fresh.FileSource || row.FileName != fresh.FileName)
            {
                (row.LessonSlug, row.Title, row.FileName, row.Source, row.FileSource, row.UpdatedUtc) = (
                    fresh.LessonSlug,
                    fresh.Title,
                    fresh.FileName,
                    fresh.Source,
                    fresh.FileSource,
                    now
                );
                (row.EditedById, row.EditedUtc) = (null, null);
            }
            else
                continue;
            changes++;
        }
        await db.SaveChangesAsync();
        return changes;
    }

    /// <summary>
    /// Saves a lesson's new source as its next version (<paramref name="change"/> says where it came from) after
    /// checking it parses, keeps its slug and order apart and names only templates of this lesson. Saves nothing on
    /// any error.
    /// </summary>
    public async Task<CurriculumError?> UpdateLessonAsync(Lesson lesson, string source, LessonChange change)
    {
        source = source.Replace("\r\n", "\n");
        if (await CheckAsync(lesson, source) is { } error)
            return error;
        var doc = LessonParser.Parse(lesson.FileName, source).Lesson!;
        lesson.Source = source;
        lesson.Title = doc.Title;
        lesson.Order = doc.Order;
        lesson.Status = doc.Status;
        lesson.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await versions.AddAsync(lesson, change.Origin, change.ByUserId, change.Note.Trim(), change.RestoredFrom);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new CurriculumError(
                lesson.FileName,
                1,
                "Someone else saved this lesson at the same moment, so yours was not saved. Open it again to see "
                    + "their change, then make yours."
            );
        }
        return null;
    }

    private async Task<CurriculumError?> CheckAsync(Lesson lesson, string source)
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
        return null;
    }
}

/// <summary>Why a lesson changed: <see cref="VersionOrigins"/>, who, their note, and the version restored.</summary>
public sealed record LessonChange(string Origin, string? ByUserId, string Note = "", int? RestoredFrom = null);
