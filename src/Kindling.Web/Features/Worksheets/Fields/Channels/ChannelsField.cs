using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Channels;

/// <summary>Engagement channels in three groups: primary, asynchronous, synchronous. Value: a
/// <see cref="ChannelMap"/>.</summary>
public sealed class ChannelsField() : PictureFieldType<ChannelMap>(FieldTypes.Channels)
{
    public static readonly string[] Groups = ["primary", "asynchronous", "synchronous"];
    private static readonly string[] Parts = ["name", "purpose"];

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        Groups.Select(g => new BlankRows(FormState.Key(field.Id, g), 1));

    protected override ChannelMap Empty => new([], [], []);

    protected override Diagram Draw(ChannelMap value) => ChannelsDiagram.Build(value);

    protected override void Write(TemplateField field, ChannelMap? value, FormState form)
    {
        IReadOnlyList<Channel>[] groups = [value?.Primary ?? [], value?.Asynchronous ?? [], value?.Synchronous ?? []];
        for (var g = 0; g < Groups.Length; g++)
        {
            var rows = groups[g].Select(c => new[] { c.Name, c.Purpose }).ToList();
            form.SetRows(FormState.Key(field.Id, Groups[g]), rows, Parts);
        }
    }

    protected override ChannelMap Read(FieldReader read)
    {
        var id = read.Field.Id;
        List<Channel> Group(string g) =>
            read.Rows($"{id}.{g}", Parts)
                .Select(r =>
                {
                    var key = read.Key(g, r.Row, "name");
                    var n = read.Text(key, WorksheetForm.MaxText, $"A {g} channel name in {read.Label}");
                    if (n.Length == 0)
                        read.Error(key, $"Give the {g} channel in row {r.Row + 1} of {read.Label} a name.");
                    return new Channel(
                        n,
                        read.Text(
                            read.Key(g, r.Row, "purpose"),
                            WorksheetForm.MaxCell,
                            $"The purpose of {g} channel ‘{n}’"
                        )
                    );
                })
                .ToList();
        return new ChannelMap(Group("primary"), Group("asynchronous"), Group("synchronous"));
    }

    protected override IReadOnlyList<string> LinesOf(TemplateField field, ChannelMap? map)
    {
        if (map is null)
            return [];
        return map
            .Primary.Select(c => $"Primary: {c.Name} | {c.Purpose}")
            .Concat(map.Asynchronous.Select(c => $"Asynchronous: {c.Name} | {c.Purpose}"))
            .Concat(map.Synchronous.Select(c => $"Synchronous: {c.Name} | {c.Purpose}"))
            .ToList();
    }

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, ChannelMap? value)
    {
        if (value is null)
            return [];
        static List<Channel> Named(IReadOnlyList<Channel>? c) => (c ?? []).Where(x => Has(x.Name)).ToList();
        var map = new ChannelMap(Named(value.Primary), Named(value.Asynchronous), Named(value.Synchronous));
        var rows = map
            .Primary.Select(c => Row("Primary", c.Name, c.Purpose))
            .Concat(map.Asynchronous.Select(c => Row("Asynchronous", c.Name, c.Purpose)))
            .Concat(map.Synchronous.Select(c => Row("Synchronous", c.Name, c.Purpose)))
            .ToList();
        if (rows.Count == 0)
            return [];
        return
        [
            PictureBlock("Engagement channels", map),
            new TableBlock(field.Label, ["Kind", "Platform", "Used for"], rows),
        ];
    }
}
