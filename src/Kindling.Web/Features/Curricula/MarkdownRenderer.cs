using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Kindling.Web.Features.Curricula;

public sealed class MarkdownTooDeepException(Exception inner) : Exception("Markdown nested too deeply.", inner);

/// <summary>Markdown to safe HTML: raw HTML is disabled in Markdig and the output is sanitised again.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("img");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
                a.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return s;
    }

    /// <summary>
    /// Rendered texts, keyed by the text itself: the same guidelines or lesson body is shown on many page views, and
    /// parsing plus sanitising costs far more than a lookup. An edited text is a new key; the old entry ages out.
    /// </summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });

    /// <summary>Texts longer than this (characters) are rendered each time rather than kept.</summary>
    private const int CachedUpTo = 200_000;

    public static string ToSafeHtml(string markdown)
    {
        if (markdown.Length <= CachedUpTo && Rendered.TryGetValue(markdown, out string? cached))
            return cached!;
        var html = Render(markdown);
        if (markdown.Length <= CachedUpTo)
            Rendered.Set(
                markdown,
                html,
                new MemoryCacheEntryOptions
                {
                    Size = markdown.Length + html.Length,
                    SlidingExpiration = TimeSpan.FromHours(6),
                }
            );
        return html;
    }

    private static string Render(string markdown)
    {
        try
        {
            return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MarkdownTooDeepException(e);
        }
    }

    /// <summary>Throws <see cref="MarkdownTooDeepException"/> when Markdig refuses the nesting.</summary>
    public static void Validate(string markdown) => ToSafeHtml(markdown);
}
