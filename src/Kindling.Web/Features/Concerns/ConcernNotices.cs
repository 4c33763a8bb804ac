using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// What readers and named reporters are told, at once, in Kindling and by e-mail. Never the report's text nor who
/// reported it: e-mails pass through the outbox, which an admin can read, so they only say that something happened in
/// the cohort and link to it. Rows are added to the caller's context and saved with the change itself.
/// </summary>
public sealed class ConcernNotices(ConcernReaders readers, Messenger messenger)
{
    public static string ReportLink(Guid reportId) => $"/concerns/{reportId}";

    public static string OwnReportLink(Guid cohortId, Guid reportId) => $"/cohorts/{cohortId}/concerns/mine/{reportId}";

    public async Task FiledAsync(KindlingDb db, ConcernReport report, string cohortName) =>
        await messenger.NotifyAsync(
            db,
            await readers.ReaderIdsAsync(report),
            ToReaders(
                report,
                cohortName,
                $"A concern was reported in {cohortName}",
                $"A member of {cohortName} raised a concern privately, and you are one of the people who read it."
            )
        );

    public async Task AddedAsync(KindlingDb db, ConcernReport report, string cohortName) =>
        await messenger.NotifyAsync(
            db,
            await readers.ReaderIdsAsync(report),
            ToReaders(
                report,
                cohortName,
                $"More was added to a concern in {cohortName}",
                $"The reporter added to a concern raised privately in {cohortName}, which you read."
            )
        );

    public Task RepliedAsync(KindlingDb db, ConcernReport report, string reporterId, string cohortName) =>
        messenger.NotifyAsync(
            db,
            reporterId,
            new Message(
                MessageKind.ConcernReport,
                $"A reply to the concern you raised in {cohortName}",
                OwnReportLink(report.CohortId, report.Id),
                "Read the reply"
            )
            {
                Paragraphs =
                [
                    $"Someone who reads the concern you raised in {cohortName} replied to you.",
                    "For your privacy the reply is not in this e-mail. Open Kindling to read it.",
                ],
                CohortId = report.CohortId,
                CohortName = cohortName,
            }
        );

    private static Message ToReaders(ConcernReport report, string cohortName, string subject, string first) =>
        new(MessageKind.ConcernReport, subject, ReportLink(report.Id), "Open the report")
        {
            Paragraphs =
            [
                first,
                "For the reporter's privacy this e-mail holds nothing of the report. Open Kindling to read it and act "
                    + "on it.",
            ],
            CohortId = report.CohortId,
            CohortName = cohortName,
        };
}
