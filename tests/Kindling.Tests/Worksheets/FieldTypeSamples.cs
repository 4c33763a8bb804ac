using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;

namespace Kindling.Tests.Worksheets;

/// <summary>A template with every registered field type, and what a person types into each.</summary>
public static class FieldTypeSamples
{
    /// <summary>What a person types into each type's editor (by input name under the field's key), and words the
    /// charter must then show. A new type needs a sample here.</summary>
    public static readonly Dictionary<string, (Action<FormState, string> Fill, string[] Shows)> Samples = new()
    {
        [FieldTypes.Text] = ((f, k) => f.Set(k, "Open Gardens"), ["Open Gardens"]),
        [FieldTypes.LongText] = ((f, k) => f.Set(k, "We met.\nWe grew."), ["We met.\nWe grew."]),
        [FieldTypes.List] = ((f, k) => f.SetAll(k, ["Ana", "", "Ben"]), ["Ana", "Ben"]),
        [FieldTypes.Table] = ((f, k) => Rows(f, k, ("0", "Meetup"), ("1", "Ana")), ["Meetup", "Ana"]),
        [FieldTypes.Choice] = ((f, k) => f.Set(k, "Beta"), ["Beta"]),
        [FieldTypes.Date] = ((f, k) => f.Set(k, "2027-03-14"), ["14 March 2027"]),
        [FieldTypes.StakeholderMap] = (
            (f, k) => Rows(f, k, ("name", "Town council"), ("power", "9"), ("interest", "8")),
            ["Town council", "Manage closely"]
        ),
        [FieldTypes.Channels] = (
            (f, k) => Rows(f, k + ".primary", ("name", "Forum"), ("purpose", "Decisions")),
            ["Forum", "Decisions"]
        ),
        [FieldTypes.Mountain] = ((f, k) => Rows(f, k, ("name", "Visitor"), ("gets", "Ideas")), ["Visitor", "Ideas"]),
        [FieldTypes.Skills] = (
            (f, k) =>
            {
                f.Set(k + ".2.team", "4");
                f.Set(k + ".2.gaps", "Writing");
            },
            ["Writing"]
        ),
        [FieldTypes.Values] = (
            (f, k) =>
            {
                f.SetAll(k + ".chosen", ["Alpha"]);
                f.Set(k + ".defined", "Alpha");
                f.Set(k + ".definition", "We share what we grow.");
            },
            ["Alpha", "We share what we grow."]
        ),
        [FieldTypes.Roadmap] = (
            (f, k) => Rows(f, k, ("title", "Launch"), ("due", "2027-06-01")),
            ["Launch", "1 June 2027"]
        ),
        [FieldTypes.Success] = ((f, k) => f.Set(k + ".six", "Twenty members"), ["Twenty members"]),
        [FieldTypes.Practices] = (
            (f, k) => Rows(f, k, ("practice", "Open licence"), ("state", "partly"), ("next", "Add a licence file")),
            ["Open licence", "Partly", "Add a licence file"]
        ),
        [FieldTypes.EventTimeline] = (
            (f, k) => Rows(f, k, ("phase", "during"), ("task", "Welcome newcomers"), ("done", "on")),
            ["During", "Welcome newcomers", "✓ Done"]
        ),
        [FieldTypes.Indicators] = (
            (f, k) => Rows(f, k, ("indicator", "Returning members"), ("horizon", "12"), ("status", "on-track")),
            ["Returning members", "On track"]
        ),
    };

    private static void Rows(FormState form, string key, params (string Part, string Value)[] cells)
    {
        form.SetRows(key, 1);
        foreach (var (part, value) in cells)
            form.Set($"{key}.0.{part}", value);
    }

    /// <summary>A template with one field of every registered type (its id is the type's name), with the keys each
    /// type takes.</summary>
    public static string Yaml(Func<FieldType, string>? extra = null) =>
        "slug: every-type\nlesson: lesson\ntitle: Every field type\nsections:\n  - title: All\n    fields:\n"
        + string.Concat(
            FieldTypes.Types.Select(t =>
                $"      - id: {t.Name}\n        type: {t.Name}\n"
                + $"        label: The {t.Name} field\n"
                + (t.Keys.Columns == KeyUse.NotAllowed ? "" : "        columns: [What, Who]\n")
                + (t.Keys.Options == KeyUse.NotAllowed ? "" : "        options: [Alpha, Beta, Gamma]\n")
                + (extra?.Invoke(t) ?? "")
            )
        );

    public static WorksheetTemplate Everything()
    {
        var (template, errors) = TemplateParser.Parse("every.template.yml", Yaml());
        Assert.Empty(errors);
        return template!;
    }
}
