using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Concerns;

/// <summary>A report as its reporter sees it (receipt page, their own list): no notes, no readers' trail.</summary>
public sealed record ReporterView(ConcernView View, string Zone, string? Draft)
{
    public string Time(DateTime utc) => TimeZones.Format(utc, Zone);
}
