using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Impact;

/// <summary>The impact report as Markdown (GitHub flavour); everything people wrote enters escaped through
/// <see cref="Md"/>.</summary>
public static class ImpactMarkdown
{
    public static string Write(ImpactReport report)
    {
        var md = new MarkdownWriter().Heading(1, $"{report.ProjectName}: impact report");
        md.Paragraph(Md.Italic(Md.Own($"Compiled {ImpactText.Date(report.CompiledUtc)}.")));
        if (report.Sheets.Count == 0)
            md.Paragraph(Md.Own(ImpactText.NoWorksheet));
        else
            md.Paragraph(Md.Own(ImpactText.Summary(report)));
        foreach (var sheet in report.Sheets)
            WriteSheet(md, sheet);
        return md.Rule().Paragraph(ImpactText.Attribution).ToString();
    }

    private static void WriteSheet(MarkdownWriter md, ImpactSheet sheet)
    {
        md.Heading(2, sheet.Title)
            .Paragraph(
                Md.Italic(
                    Md.Own($"From the worksheet, updated {ImpactText.Date(sheet.UpdatedUtc)}. Snapshots: ")
                        + string.Join(", ", sheet.Snapshots.Select(ImpactText.Heading))
                        + Md.Own(".")
                )
            );
        if (sheet.Rows.Count == 0)
        {
            md.Paragraph(Md.Own("No indicators are named in this worksheet yet."));
            return;
        }
        md.Heading(3, Md.Own("Indicators")).Table(ImpactText.DetailColumns, sheet.Rows.Select(ImpactText.Details));
        md.Heading(3, Md.Own("Status and current value at each snapshot"))
            .Table(
                ["Indicator", .. sheet.Snapshots.Select(ImpactText.Heading)],
                sheet.Rows.Select(r => (IReadOnlyList<string>)[r.Indicator, .. r.Cells.Select(ImpactText.Cell)])
            );
        md.Heading(3, Md.Own("How many stood at each status"))
            .Table(
                ImpactText.CountColumns,
                sheet.Snapshots.Select(
                    (s, i) => (IReadOnlyList<string>)[ImpactText.Heading(s), .. sheet.Counts(i).Select(Num)]
                )
            );
    }

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
