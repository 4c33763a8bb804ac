using System.Globalization;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Indicators;

/// <summary>
/// Impact indicators, each tied to a definition of success at 6, 12 or 24 months, with baseline, target, current value,
/// status, source of evidence and audience; drawn by horizon. A fresh copy starts with one draft row per definition of
/// success the project has written. Value: an array of <see cref="ImpactIndicator"/>.
/// </summary>
public sealed class IndicatorsField() : PictureFieldType<List<ImpactIndicator>>(FieldTypes.Indicators)
{
    public static readonly string[] Parts =
    [
        "indicator",
        "horizon",
        "serves",
        "baseline",
        "target",
        "current",
        "status",
        "source",
        "audience",
    ];

    public static readonly string[] Columns =
    [
        "Indicator",
        "By (months)",
        "Success it serves",
        "Baseline",
        "Target",
        "Current",
        "Status",
        "Source",
        "Audience",
    ];

    public override ProjectPage Page => new("impact", "Impact report");

    public override bool ReadsProject => true;

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form)
    {
        var key = FormState.Key(field.Id);
        return [new(key, form.Rows(key) == 0 ? 2 : 1)];
    }

    /// <summary>One draft row per horizon the project's latest written definition of success fills.</summary>
    public override void Start(TemplateField field, WorksheetData data, ProjectContext project)
    {
        if (project.Latest<SuccessDefinition>() is not { } success)
            return;
        var rows = IndicatorHorizons
            .All.Select(h => (Months: h, Text: Written(IndicatorHorizons.SuccessAt(success, h))))
            .Where(x => x.Text is not null)
            .Select(x => new ImpactIndicator("", x.Months, x.Text!, "", "", "", IndicatorStatus.NotStarted, "", ""))
            .ToList();
        if (rows.Count > 0)
            data.Set(field.Id, rows);
    }

    protected override List<ImpactIndicator> Empty => [];

    protected override Diagram Draw(List<ImpactIndicator> value) => IndicatorsDiagram.Build(value);

    private static string[] Cells(ImpactIndicator i) =>
        [
            i.Indicator,
            i.Horizon > 0 ? i.Horizon.ToString(CultureInfo.InvariantCulture) : "",
            i.Success,
            i.Baseline,
            i.Target,
            i.Current,
            i.Status == IndicatorStatus.NotStarted ? "" : i.Status, // the select's first option is "Not started"
            i.Source,
            i.Audience,
        ];

    protected override void Write(TemplateField field, List<ImpactIndicator>? value, FormState form) =>
        form.SetRows(FormState.Key(field.Id), (value ?? []).Where(i => i is not null).Select(Cells).ToList(), Parts);

    protected override List<ImpactIndicator> Read(FieldReader read) =>
        read.Rows(read.Field.Id, Parts).Select(r => IndicatorForm.Read(read, r.Row)).ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<ImpactIndicator>? value) =>
        (value ?? [])
            .Where(i => i is not null)
            .Select(i =>
                $"{i.Horizon} months: {(i.IsNamed ? Flat(i.Indicator) : "(indicator not chosen yet)")}"
                + $" | serves: {Flat(i.Success)} | baseline: {Flat(i.Baseline)} | target: {Flat(i.Target)}"
                + $" | current: {Flat(i.Current)} | status: {IndicatorStatus.Label(i.Status)}"
                + $" | source: {IndicatorSource.Label(i.Source)} | audience: {Flat(i.Audience)}"
            )
            .ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<ImpactIndicator>? value)
    {
        var named = Named(value);
        if (named.Count == 0)
            return [];
        return
        [
            PictureBlock("Impact indicators by horizon", named),
            new TableBlock(field.Label, Columns, named.Select(Row).ToList()),
        ];
    }

    /// <summary>The indicators that have a name, by horizon (in the order written within one).</summary>
    public static List<ImpactIndicator> Named(IEnumerable<ImpactIndicator>? value) =>
        (value ?? []).Where(i => i is not null && i.IsNamed).OrderBy(i => i.Horizon).ToList();

    /// <summary>A row of the charter's table (<see cref="Columns"/>).</summary>
    public static IReadOnlyList<string> Row(ImpactIndicator i) =>
        FieldText.Row(
            i.Indicator,
            Num(i.Horizon),
            i.Success,
            i.Baseline,
            i.Target,
            i.Current,
            IndicatorStatus.Label(i.Status),
            IndicatorSource.Label(i.Source),
            i.Audience
        );

    private static string Flat(string? s) => TextLayout.Clean(s);
}
