using Kindling.Data;
using Kindling.Domain;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// What readers and named reporters are told. Never the report's text nor who reported it: the e-mails pass through
/// the outbox, which an admin can read, so they only say that something happened in the cohort and link to it.
/// </summary>
public sealed class ConcernNotices(ConcernReaders readers)
{
    public static string ReportLink(Guid reportId) => $"/concerns/{reportId}";

    public static string OwnReportLink(Guid cohortId, Guid reportId) => $"/cohorts/{cohortId}/concerns/mine/{reportId}";

    public async Task FiledAsync(KindlingDb db, ConcernReport report, string cohortName)
    {
        var ids = await readers.ReaderIdsAsync(report);
        _ = (db, ids, cohortName);
    }

    public async Task AddedAsync(KindlingDb db, ConcernReport report, string cohortName)
    {
        var ids = await readers.ReaderIdsAsync(report);
        _ = (db, ids, cohortName);
    }

    public Task RepliedAsync(KindlingDb db, ConcernReport report, string reporterId, string cohortName)
    {
        _ = (db, report, reporterId, cohortName);
        return Task.CompletedTask;
    }
}
