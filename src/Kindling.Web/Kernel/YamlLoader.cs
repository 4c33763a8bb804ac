using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Kernel;

/// <summary>
/// The one way a curriculum file's YAML (curriculum.yml, lesson front matter, assignment templates) is read: either a
/// mapping or a file-and-line error, whatever the text holds. Anchors and aliases are refused before the tree is
/// built: no curriculum needs them, and a self-referring alias sends YamlDotNet into endless recursion.
/// </summary>
public static class YamlLoader
{
    public const int MaxDepth = 20;

    /// <param name="what">How the message names the text, e.g. "The front matter" or "curriculum.yml".</param>
    /// <param name="lineOffset">Lines of the file before the YAML text (1 for front matter after its '---').</param>
    /// <param name="notMapping">What to say when the text is valid YAML but not a set of 'key: value' lines.</param>
    public static (YamlMappingNode? Root, CurriculumError? Error) LoadMapping(
        string file,
        string text,
        string what,
        string notMapping,
        int lineOffset = 0
    )
    {
        var lastLine = 1;
        CurriculumError Fail(long line, string message) => new(file, (int)Math.Max(1, line) + lineOffset, message);
        try
        {
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                lastLine = (int)e.Start.Line;
                if (e is AnchorAlias alias)
                    return (
                        null,
                        Fail(
                            e.Start.Line,
                            $"{what} is not valid YAML here: it refers to '*{alias.Value}'. Aliases aren't "
                                + $"supported; write the value out in full."
                        )
                    );
                if (e is NodeEvent { Anchor.IsEmpty: false } node)
                    return (
                        null,
                        Fail(
                            e.Start.Line,
                            $"{what} is not valid YAML here: it names an anchor '&{node.Anchor}'. Anchors aren't "
                                + $"supported; remove it."
                        )
                    );
                if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
                    return (
                        null,
                        Fail(e.Start.Line, $"{what} nests lists and keys more than {MaxDepth} levels deep; flatten it.")
                    );
                if (e is MappingEnd or SequenceEnd)
                    depth--;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                ? (root, null)
                : (null, Fail(1, notMapping));
        }
        catch (YamlException e)
        {
            return (
                null,
                Fail(e.Start.Line > 0 ? e.Start.Line : lastLine, $"{what} is not valid YAML: {Clean(e.Message)}")
            );
        }
        catch (Exception e)
            when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for a few malformed inputs (a stray second '...', an empty tag '!<>'), without a
            // position.
            return (null, Fail(lastLine, $"{what} is not valid YAML: {Clean(e.Message)}"));
        }
    }

    private static string Clean(string message) =>
        System
            .Text.RegularExpressions.Regex.Replace(message, @"\s*\(Parameter '[^']*'\)", "")
            .Replace("\r", " ")
            .Replace("\n", " ")
            .Trim();
}
