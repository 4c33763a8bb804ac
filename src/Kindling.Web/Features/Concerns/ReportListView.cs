namespace Kindling.Web.Features.Concerns;

public sealed record ReportListView(IReadOnlyList<ConcernList.Row> Rows, string Zone, bool ShowCohort);
