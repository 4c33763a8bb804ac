using System.IO.Compression;
using System.Text;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Kernel;

namespace Kindling.Tests.Curricula;

public class CurriculumPackageTests
{
    private const string Manifest = "title: Test\nslug: test\nversion: 1\ndescription: A test.\nattribution: Us\n";

    private static string Lesson(string slug, int order) =>
        $"---\nslug: {slug}\norder: {order}\ntitle: {slug}\nstatus: planned\n---\nText.\n";

    private static Dictionary<string, string> Files(params (string Name, string Text)[] lessons)
    {
        var files = new Dictionary<string, string> { ["curriculum.yml"] = Manifest };
        foreach (var (name, text) in lessons)
            files[name] = text;
        return files;
    }

    private static MemoryStream Zip(params (string Path, string Text)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, text) in entries)
            {
                using var s = zip.CreateEntry(path).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void Read_ValidFolder_ReturnsLessonsInOrder()
    {
        var (package, errors) = CurriculumPackage.Read(Files(("b.md", Lesson("two", 2)), ("a.md", Lesson("one", 1))));
        Assert.Empty(errors);
        Assert.Equal(["one", "two"], package!.Lessons.Select(l => l.Lesson.Slug));
    }

    [Fact]
    public void Read_DuplicateSlug_NamesTheSecondFile()
    {
        var (package, errors) = CurriculumPackage.Read(Files(("a.md", Lesson("same", 1)), ("b.md", Lesson("same", 2))));
        Assert.Null(package);
        Assert.Equal("b.md, line 2: Another file already uses the slug 'same'.", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Read_DuplicateOrder_NamesTheSecondFile()
    {
        var (package, errors) = CurriculumPackage.Read(Files(("a.md", Lesson("one", 3)), ("b.md", Lesson("two", 3))));
        Assert.Null(package);
        Assert.Contains("already uses order 3", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Read_MissingManifest_SaysSo()
    {
        var (package, errors) = CurriculumPackage.Read(new Dictionary<string, string> { ["a.md"] = Lesson("one", 1) });
        Assert.Null(package);
        Assert.Contains("no curriculum.yml", Assert.Single(errors).Message);
    }

    [Fact]
    public void Read_SeveralBrokenLessons_ListsEveryError()
    {
        var (package, errors) = CurriculumPackage.Read(
            Files(("a.md", "no front matter"), ("b.md", Lesson("ok", 1)), ("c.md", Lesson("Bad Slug", 2)))
        );
        Assert.Null(package);
        Assert.Equal(["a.md", "c.md"], errors.Select(e => e.File));
    }

    [Fact]
    public void FromZip_FilesInOneTopFolder_AreRead()
    {
        var (files, error) = CurriculumPackage.FromZip(
            Zip(("test/curriculum.yml", Manifest), ("test/a.md", Lesson("one", 1)), ("test/notes.txt", "x"))
        );
        Assert.Null(error);
        Assert.Equal(["a.md", "curriculum.yml"], files!.Keys.Order());
    }

    [Fact]
    public void FromZip_TwoTopFolders_IsRefused()
    {
        var (files, error) = CurriculumPackage.FromZip(
            Zip(("one/curriculum.yml", Manifest), ("two/a.md", Lesson("one", 1)))
        );
        Assert.Null(files);
        Assert.Contains("more than one folder", error);
    }

    [Fact]
    public void FromZip_TwoTopFoldersWithSameNames_IsRefused()
    {
        var (files, error) = CurriculumPackage.FromZip(
            Zip(("one/curriculum.yml", Manifest), ("two/curriculum.yml", Manifest))
        );
        Assert.Null(files);
        Assert.Contains("one curriculum folder", error);
    }

    [Theory]
    [InlineData("just some text, not a zip")]
    [InlineData("hello")]
    [InlineData("PK\u0003\u0004 truncated")]
    public void FromZip_NotAZip_SaysSo(string content)
    {
        var (files, error) = CurriculumPackage.FromZip(new MemoryStream(Encoding.UTF8.GetBytes(content)));
        Assert.Null(files);
        Assert.Equal("The upload is not a readable zip file.", error);
    }

    [Theory]
    [InlineData("...\n...\n", 1, "not valid YAML")] // YamlDotNet: InvalidOperationException
    [InlineData("title: !<> Test\nslug: test\n", 1, "not valid YAML")] // YamlDotNet: ArgumentException
    [InlineData("title: Test\nslug: &s [*s]\n", 2, "Anchors aren't supported")] // recursion without end
    public void Read_MalformedManifest_GivesFileAndLine(string manifest, int line, string fragment)
    {
        var files = Files(("a.md", Lesson("one", 1)));
        files["curriculum.yml"] = manifest;
        var (package, errors) = CurriculumPackage.Read(files);
        Assert.Null(package);
        var error = Assert.Single(errors);
        Assert.Equal("curriculum.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(fragment, error.Message);
    }

    [Theory]
    [InlineData("slug: test\n", 1, "'title' is required.")]
    [InlineData("title: [A, list]\nslug: test\n", 1, "'title' must be text, not a list or a group of keys.")]
    [InlineData("title: Test\nslug: Not_A_Slug\n", 2, "'slug' is required: lower-case letters, digits and hyphens.")]
    [InlineData("title: Test\nslug: test\nversion:\n", 3, "'version' must be a whole number of 1 or more, not ''.")]
    [InlineData("title: Test\nslug: test\nversion: 0\n", 3, "'version' must be a whole number of 1 or more, not '0'.")]
    public void Read_WrongManifestValue_GivesLineAndReason(string manifest, int line, string message)
    {
        var files = Files(("a.md", Lesson("one", 1)));
        files["curriculum.yml"] = manifest;

        var (package, errors) = CurriculumPackage.Read(files);

        Assert.Null(package);
        Assert.Contains(new CurriculumError("curriculum.yml", line, message), errors);
    }

    [Fact]
    public void FromZip_BinaryFileNamedAsLesson_IsRefusedByName()
    {
        var (files, error) = CurriculumPackage.FromZip(
            Zip(("c/curriculum.yml", Manifest), ("c/a.md", "---\nslug: a\0\n"))
        );
        Assert.Null(files);
        Assert.Equal("c/a.md is not a text file (it contains NUL characters).", error);
    }
}
