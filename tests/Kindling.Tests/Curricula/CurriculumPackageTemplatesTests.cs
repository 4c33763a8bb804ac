using System.IO.Compression;
using System.Text;
using Kindling.Web.Features.Curricula;

namespace Kindling.Tests.Curricula;

/// <summary>Assignment templates inside a curriculum folder: read with the lessons, linked both ways,
/// all-or-nothing.</summary>
public class CurriculumPackageTemplatesTests
{
    private const string Manifest = "title: Test\nslug: test\nversion: 1\ndescription: A test.\nattribution: Us\n";

    private static string Lesson(string slug, int order, string? template = null) =>
        $"---\nslug: {slug}\norder: {order}\ntitle: {slug}\nstatus: planned\nassignment:\n  title: Do it\n"
        + (template is null ? "" : $"  template: {template}\n")
        + "---\nText.\n";

    private static string Template(string slug, string lesson) =>
        $"""
            slug: {slug}
            lesson: {lesson}
            title: Worksheet {slug}
            sections:
              - title: Only section
                fields:
                  - id: notes
                    type: long-text
                    label: Notes
            """;

    private static Dictionary<string, string> Files(params (string Name, string Text)[] files)
    {
        var all = new Dictionary<string, string> { ["curriculum.yml"] = Manifest };
        foreach (var (name, text) in files)
            all[name] = text;
        return all;
    }

    [Fact]
    public void Read_LessonAndItsTemplate_ReturnsTheParsedTemplate()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(
                ("01-a.md", Lesson("a", 1, "a-sheet")),
                ("01-a.template.yml", Template("a-sheet", "a")),
                ("02-b.md", Lesson("b", 2))
            )
        );
        Assert.Empty(errors);
        var (file, _, template) = Assert.Single(package!.Templates);
        Assert.Equal(("01-a.template.yml", "a-sheet", "a"), (file, template.Slug, template.Lesson));
        Assert.Equal("a-sheet", package.Lessons[0].Lesson.Assignment!.Template);
    }

    [Fact]
    public void Read_TemplateWithoutLessonLink_IsAcceptedThroughItsLessonKey()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(("01-a.md", Lesson("a", 1)), ("a.template.yml", Template("a-sheet", "a")))
        );
        Assert.Empty(errors);
        Assert.Equal("a", Assert.Single(package!.Templates).Template.Lesson);
    }

    [Fact]
    public void Read_LessonNamesMissingTemplate_NamesTheLessonLine()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(("01-a.md", Lesson("a", 1, "nowhere")), ("a.template.yml", Template("a-sheet", "a")))
        );
        Assert.Null(package);
        Assert.Equal(
            "01-a.md, line 8: The assignment names the template 'nowhere', but no *.template.yml file of this "
                + "curriculum has that slug. Templates: a-sheet.",
            Assert.Single(errors).ToString()
        );
    }

    [Fact]
    public void Read_TemplateForUnknownLesson_NamesTheTemplateLine()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(("01-a.md", Lesson("a", 1)), ("x.template.yml", Template("x-sheet", "ghost")))
        );
        Assert.Null(package);
        Assert.Equal(
            "x.template.yml, line 2: 'lesson: ghost' is not a lesson of this curriculum. Lessons: a.",
            Assert.Single(errors).ToString()
        );
    }

    [Fact]
    public void Read_DuplicateTemplateSlug_NamesTheSecondFile()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(
                ("01-a.md", Lesson("a", 1)),
                ("02-b.md", Lesson("b", 2)),
                ("01-a.template.yml", Template("same", "a")),
                ("02-b.template.yml", Template("same", "b"))
            )
        );
        Assert.Null(package);
        Assert.Equal(
            "02-b.template.yml, line 1: The template slug 'same' is already used by 01-a.template.yml; each template "
                + "needs its own slug.",
            Assert.Single(errors).ToString()
        );
    }

    [Fact]
    public void Read_TwoTemplatesForOneLesson_IsRefused()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(
                ("01-a.md", Lesson("a", 1)),
                ("1.template.yml", Template("one", "a")),
                ("2.template.yml", Template("two", "a"))
            )
        );
        Assert.Null(package);
        Assert.Contains("already has the template 1.template.yml", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Read_LessonNamesAnotherLessonsTemplate_IsRefused()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(
                ("01-a.md", Lesson("a", 1, "b-sheet")),
                ("02-b.md", Lesson("b", 2)),
                ("b.template.yml", Template("b-sheet", "b"))
            )
        );
        Assert.Null(package);
        Assert.Equal(
            "01-a.md, line 8: The assignment names the template 'b-sheet', but b.template.yml belongs to the lesson "
                + "'b'.",
            Assert.Single(errors).ToString()
        );
    }

    [Fact]
    public void Read_BrokenTemplateAndBrokenLesson_ListsBothAndReturnsNothing()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(
                ("01-a.md", Lesson("a", 1)),
                ("02-b.md", "no front matter"),
                (
                    "a.template.yml",
                    Template("a-sheet", "a")
                        .Replace("type: long-text", "type: essay")
                        .Replace("title: Only section", "title: \"\"")
                )
            )
        );
        Assert.Null(package);
        Assert.Equal(
            ["02-b.md, line 1", "a.template.yml, line 5", "a.template.yml, line 8"],
            errors.Select(e => $"{e.File}, line {e.Line}").Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Read_LessonTemplateKeyNotASlug_IsRefused()
    {
        var (package, errors) = CurriculumPackage.Read(Files(("01-a.md", Lesson("a", 1, "Not A Slug"))));
        Assert.Null(package);
        Assert.Contains("'template' must be the slug of a template file", Assert.Single(errors).Message);
    }

    [Fact]
    public void FromZip_TemplateFiles_AreRead()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (
                var (path, text) in new[]
                {
                    ("t/curriculum.yml", Manifest),
                    ("t/01-a.md", Lesson("a", 1, "a-sheet")),
                    ("t/01-a.template.yml", Template("a-sheet", "a")),
                }
            )
            {
                using var s = zip.CreateEntry(path).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        buffer.Position = 0;
        var (files, error) = CurriculumPackage.FromZip(buffer);
        Assert.Null(error);
        var (package, errors) = CurriculumPackage.Read(files!);
        Assert.Empty(errors);
        Assert.Equal("a-sheet", Assert.Single(package!.Templates).Template.Slug);
    }
}
