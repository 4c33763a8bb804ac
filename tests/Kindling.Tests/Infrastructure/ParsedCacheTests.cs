using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kindling.Tests.Infrastructure;

/// <summary>The parsed-lesson and parsed-template caches: an edit is seen at once and never adds an entry.</summary>
public class ParsedCacheTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static string LessonSource(string title) =>
        $"---\nslug: sample\norder: 1\ntitle: {title}\nstatus: planned\n---\nBody.";

    private static string TemplateSource(string title) =>
        $"slug: sheet\nlesson: sample\ntitle: {title}\nsections:\n  - title: S\n    fields:\n"
        + "      - id: story\n        type: long-text\n        label: Story\n";

    private static MemoryCache Cache(int limit) => new(new MemoryCacheOptions { SizeLimit = limit });

    [Fact]
    public void Lessons_ManyEditsOfOneLesson_EachSeenAtOnceInOneEntry()
    {
        using var memory = Cache(limit: 3);
        var cache = new LessonCache(memory);
        var lesson = new Lesson { FileName = "01-sample.md" };

        for (var edit = 0; edit < 200; edit++)
        {
            (lesson.Source, lesson.UpdatedUtc) = (LessonSource($"Edit {edit}"), Start.AddSeconds(edit));
            Assert.Equal($"Edit {edit}", cache.Get(lesson).Title);
            Assert.Equal($"Edit {edit}", cache.Get(lesson).Title);
        }

        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void Templates_ManyEditsOfOneTemplate_EachSeenAtOnceInOneEntry()
    {
        using var memory = Cache(limit: 3);
        var cache = new ParsedTemplates(memory, NullLogger<ParsedTemplates>.Instance);
        var row = new AssignmentTemplate { FileName = "01-sheet.template.yml" };

        for (var edit = 0; edit < 200; edit++)
        {
            (row.Source, row.UpdatedUtc) = (TemplateSource($"Edit {edit}"), Start.AddSeconds(edit));
            Assert.Equal($"Edit {edit}", cache.Get(row)?.Title);
        }
        (row.Source, row.UpdatedUtc) = ("not: [a template", Start.AddDays(1));
        Assert.Null(cache.Get(row));

        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void Registered_ManyDifferentRows_NeverHoldMoreThanTheLimit()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCurriculum();
        services.AddWorksheets();
        using var provider = services.BuildServiceProvider();
        var lessons = provider.GetRequiredService<LessonCache>();
        var templates = provider.GetRequiredService<ParsedTemplates>();

        for (var i = 0; i < LessonCache.Limit + 50; i++)
            Assert.Equal("T", lessons.Get(new Lesson { FileName = $"{i}.md", Source = LessonSource("T") }).Title);
        for (var i = 0; i < ParsedTemplates.Limit + 50; i++)
            Assert.Equal("T", templates.Get(new AssignmentTemplate { Source = TemplateSource("T") })?.Title);

        Assert.InRange(Count<LessonCache>(provider), 1, LessonCache.Limit);
        Assert.InRange(Count<ParsedTemplates>(provider), 1, ParsedTemplates.Limit);
    }

    private static int Count<TOwner>(IServiceProvider provider) =>
        Assert.IsType<MemoryCache>(provider.GetRequiredKeyedService<IMemoryCache>(typeof(TOwner))).Count;
}
