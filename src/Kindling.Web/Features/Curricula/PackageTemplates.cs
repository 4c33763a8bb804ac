using System.Text.RegularExpressions;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Templates;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Reads a curriculum folder's assignment templates and checks the links both ways: a template's <c>lesson</c> must be
/// a
/// lesson of the folder, a lesson's <c>assignment.template</c> must name a template of the folder that points back to
/// it.
/// </summary>
internal static class PackageTemplates
{
    public static List<(string File, string Source, WorksheetTemplate Template)> Read(
        IReadOnlyDictionary<string, string> files,
        IReadOnlyList<(string File, string Source, LessonDocument Lesson)> lessons,
        bool checkLinks,
        List<CurriculumError> errors
    )
    {
        var templates = new List<(string File, string Source, WorksheetTemplate Template)>();
        foreach (
            var (name, text) in files
                .Where(f => TemplateParser.IsTemplateFile(f.Key))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
        )
        {
            var (template, templateErrors) = TemplateParser.Parse(name, text);
            errors.AddRange(templateErrors);
            if (template is not null)
                templates.Add((name, text, template));
        }

        var bySlug = new Dictionary<string, (string File, string Source, WorksheetTemplate Template)>(
            StringComparer.Ordinal
        );
        foreach (var t in templates)
            if (!bySlug.TryAdd(t.Template.Slug, t))
                errors.Add(
                    new CurriculumError(
                        t.File,
                        LineOf(t.Source, "slug"),
                        $"The template slug '{t.Template.Slug}' is already used by {bySlug[t.Template.Slug].File}; "
                            + $"each template needs its own slug."
                    )
                );
        if (!checkLinks)
            return templates;

        var lessonSlugs = lessons.Select(l => l.Lesson.Slug).ToHashSet(StringComparer.Ordinal);
        var byLesson = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, source, template) in templates)
        {
            if (!lessonSlugs.Contains(template.Lesson))
                errors.Add(
                    new CurriculumError(
                        file,
                        LineOf(source, "lesson"),
                        $"'lesson: {template.Lesson}' is not a lesson of this curriculum. Lessons: "
                            + $"{string.Join(", ", lessonSlugs)}."
                    )
                );
            else if (!byLesson.TryAdd(template.Lesson, file))
                errors.Add(
                    new CurriculumError(
                        file,
                        LineOf(source, "lesson"),
                        $"The lesson '{template.Lesson}' already has the template {byLesson[template.Lesson]}; a "
                            + $"lesson has one assignment template."
                    )
                );
        }
        foreach (var (file, source, lesson) in lessons)
        {
            if (lesson.Assignment?.Template is not { } slug)
                continue;
            if (!bySlug.TryGetValue(slug, out var target))
                errors.Add(
                    new CurriculumError(
                        file,
                        LineOf(source, "template"),
                        $"The assignment names the template '{slug}', but no *.template.yml file of this curriculum "
                            + $"has that slug."
                            + (
                                bySlug.Count > 0
                                    ? $" Templates: {string.Join(", ", bySlug.Keys.Order(StringComparer.Ordinal))}."
                                    : ""
                            )
                    )
                );
            else if (target.Template.Lesson != lesson.Slug)
                errors.Add(
                    new CurriculumError(
                        file,
                        LineOf(source, "template"),
                        $"The assignment names the template '{slug}', but {target.File} belongs to the lesson "
                            + $"'{target.Template.Lesson}'."
                    )
                );
        }
        return templates;
    }

    /// <summary>The line of the first "key:" in a file (at any indentation), or 1: enough to point people at the right
    /// place.</summary>
    public static int LineOf(string source, string key)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var pattern = new Regex($@"^\s*{Regex.Escape(key)}\s*:");
        var index = Array.FindIndex(lines, l => pattern.IsMatch(l));
        return index < 0 ? 1 : index + 1;
    }
}
