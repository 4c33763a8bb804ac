using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>The words of peer feedback requests and reminders, each with a link to the worksheet where the reviewer
/// reads it (their own cohort's address when they come from another cohort). Only adds rows: the caller
/// saves.</summary>
public sealed class PeerRequests(KindlingDb db, Messenger messenger, PublicUrls urls)
{
    private sealed record Item(Guid WorksheetId, string Title, string Project, Guid LinkCohortId, string Link);

    /// <summary>One request per reviewer, naming every worksheet they are asked to give feedback on.</summary>
    public async Task RequestAsync(PeerRound round, IReadOnlyList<PeerReview> rows, Membership by)
    {
        var facilitator = await db.Users.Where(u => u.Id == by.Member.UserId).Select(u => u.DisplayName).FirstAsync();
        foreach (var reviewer in rows.GroupBy(r => r.ReviewerId))
        {
            var items = await ItemsAsync(reviewer.Key, reviewer.Select(r => r.WorksheetId).ToList());
            if (items.Count == 0)
                continue;
            var zone = await ZoneAsync(reviewer.Key);
            var due = round.DueUtc is { } d ? $" by {TimeZones.Format(d, zone)}" : "";
            var subject =
                items.Count == 1
                    ? $"Peer feedback: please read “{items[0].Title}” of {items[0].Project}"
                    : $"Peer feedback: please read {items.Count} worksheets";
            await messenger.NotifyAsync(
                db,
                reviewer.Key,
                await MessageAsync(
                    items,
                    Text.Clip(subject, 200),
                    $"{facilitator} asked you to give feedback{due} on "
                        + (
                            items.Count == 1
                                ? $"the worksheet “{items[0].Title}” of {items[0].Project}."
                                : "these worksheets:"
                        )
                )
            );
        }
    }

    /// <summary>The reminder of one request not yet answered.</summary>
    public async Task RemindAsync(PeerReview review, DateTime dueUtc)
    {
        var items = await ItemsAsync(review.ReviewerId, [review.WorksheetId]);
        if (items.Count == 0)
            return;
        var when = TimeZones.Format(dueUtc, await ZoneAsync(review.ReviewerId));
        var it = items[0];
        await messenger.NotifyAsync(
            db,
            review.ReviewerId,
            await MessageAsync(
                items,
                Text.Clip($"Reminder: peer feedback on “{it.Title}” of {it.Project}", 200),
                $"Your feedback on the worksheet “{it.Title}” of {it.Project} is due {when}, and you have not "
                    + "commented on it yet."
            )
        );
    }

    private async Task<Message> MessageAsync(IReadOnlyList<Item> items, string subject, string opening)
    {
        var cohortId = items[0].LinkCohortId;
        var cohortName = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).FirstAsync();
        var (link, label) =
            items.Count == 1
                ? (items[0].Link, "Open the worksheet")
                : ($"/cohorts/{cohortId}/peer-feedback", "See your requests");
        List<string> paragraphs = [opening];
        if (items.Count > 1)
            paragraphs.AddRange(items.Select(i => $"“{i.Title}” of {i.Project}: {urls.For(i.Link)}"));
        paragraphs.Add(
            "Open the worksheet and comment on it, as a whole or field by field. The project's managers see your "
                + "comments and mark them resolved once they have taken them in."
        );
        return new Message(MessageKind.PeerFeedback, subject, link, label)
        {
            Summary = opening,
            Paragraphs = paragraphs,
            CohortId = cohortId,
            CohortName = cohortName,
        };
    }

    private async Task<List<Item>> ItemsAsync(string reviewerId, IReadOnlyList<Guid> worksheetIds)
    {
        var sheets = await db
            .Worksheets.Where(w => worksheetIds.Contains(w.Id))
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) =>
                    new
                    {
                        w.Id,
                        w.CohortId,
                        w.Title,
                        p.Name,
                    }
            )
            .OrderBy(x => x.Name)
            .ToListAsync();
        var items = new List<Item>();
        foreach (var s in sheets)
            if (await ReviewerCohort.ForAsync(db, reviewerId, s.CohortId) is { } cohortId)
                items.Add(new Item(s.Id, s.Title, s.Name, cohortId, ReviewerCohort.WorksheetLink(cohortId, s.Id)));
        return items;
    }

    private Task<string> ZoneAsync(string userId) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync();
}
