using Ganss.Xss;
using Markdig;

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

    public static string ToSafeHtml(string markdown)
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
