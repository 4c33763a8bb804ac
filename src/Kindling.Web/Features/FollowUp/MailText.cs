using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kindling.Web.Features.FollowUp;

/// <summary>
/// A Markdown message as the plain-text paragraphs of an e-mail (<see cref="Messages.Message.Paragraphs"/>): one
/// paragraph per block, list items on their own lines, a link as "its words (its address)", Markdown's escapes
/// undone. So the e-mail reads as the preview does, without any syntax showing.
/// </summary>
public static class MailText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .Build();

    public static IReadOnlyList<string> Paragraphs(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Select(Block).Select(t => t.TrimEnd()).Where(t => t.Length > 0).ToList();

    private static string Block(Block block) =>
        block switch
        {
            ListBlock list => string.Join(
                "\n",
                list.OfType<ListItemBlock>().Select((item, i) => Item(list, i, Children(item)))
            ),
            QuoteBlock quote => string.Join("\n", Children(quote).Split('\n').Select(l => "> " + l)),
            ThematicBreakBlock => "——",
            CodeBlock code => code.Lines.ToString(),
            ContainerBlock container => Children(container),
            LeafBlock { Inline: { } inline } => Inlines(inline),
            _ => "",
        };

    private static string Children(ContainerBlock c) => string.Join("\n", c.Select(Block).Where(t => t.Length > 0));

    private static string Item(ListBlock list, int index, string text)
    {
        var start = int.TryParse(list.OrderedStart, out var n) ? n : 1;
        var bullet = list.IsOrdered ? $"{start + index}. " : "- ";
        return bullet + text.Replace("\n", "\n" + new string(' ', bullet.Length), StringComparison.Ordinal);
    }

    private static string Inlines(ContainerInline inline)
    {
        var sb = new StringBuilder();
        foreach (var child in inline)
            Append(sb, child);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Inline? inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case AutolinkInline auto:
                sb.Append(auto.Url);
                break;
            case LinkInline link:
                var words = Inlines(link);
                sb.Append(words);
                if (!string.IsNullOrEmpty(link.Url) && words != link.Url && !link.IsImage)
                    sb.Append(" (").Append(link.Url).Append(')');
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline:
                sb.Append('\n');
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.AsSpan());
                break;
            case HtmlInline html:
                sb.Append(html.Tag);
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(sb, child);
                break;
        }
    }
}
