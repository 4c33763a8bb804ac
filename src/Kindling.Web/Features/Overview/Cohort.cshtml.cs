using Kindling.Web.Features.Frameworks;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// The facilitator's overview of one cohort: attendance, assignment progress (states and counts, never a private
/// worksheet's content), feedback, open questions, open concern reports and peer feedback. Other members get 403.
/// </summary>
public class CohortModel(CohortOverviewQuery query) : CohortPageModel
{
    protected override bool FacilitatorsOnly => true;

    public CohortOverview Overview { get; private set; } = null!;
    public string AttendanceChart { get; private set; } = "";
    public string ResponsesChart { get; private set; } = "";
    public string RatingsChart { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Overview = await query.LoadAsync(Access);
        AttendanceChart = SvgWriter.Write(OverviewCharts.Attendance(Overview), "chart-attendance");
        ResponsesChart = SvgWriter.Write(OverviewCharts.Responses(Overview), "chart-responses");
        RatingsChart = SvgWriter.Write(OverviewCharts.Ratings(Overview), "chart-ratings");
    }

    public string CohortUrl(string rest = "") => $"/cohorts/{CohortId}{rest}";

    public string SessionUrl(Guid sessionId, string rest = "") => CohortUrl($"/sessions/{sessionId}{rest}");

    public string When(DateTime utc) => TimeZones.Format(utc, ViewerZone);
}
