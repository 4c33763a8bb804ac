using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>A facilitator's "Ask for feedback": who is asked, and that each person is asked once per session.</summary>
public static class FeedbackRequests
{
    /// <summary>
    /// Notifies the cohort's admitted members other than facilitators who have neither given feedback on the session
    /// nor been asked before (a <see cref="MessageKind.FeedbackRequest"/> notification with this link). Takes the
    /// session's row lock first, so two facilitators asking at once still ask each person once. Returns how many were
    /// asked.
    /// </summary>
    public static async Task<int> AskAsync(
        KindlingDb db,
        Messenger messenger,
        Cohort cohort,
        Guid sessionId,
        string lessonTitle,
        string link
    )
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await db
            .Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(x => x.SetProperty(s => s.UpdatedUtc, s => s.UpdatedUtc)); // the lock only
        var people = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.CohortId == cohort.Id && m.Role != CohortRole.Facilitator)
            .Where(m => !db.SessionFeedback.Any(f => f.SessionId == sessionId && f.AuthorId == m.UserId))
            .Where(m =>
                !db.Notifications.Any(n =>
                    n.UserId == m.UserId && n.Kind == MessageKind.FeedbackRequest && n.Link == link
                )
            )
            .Select(m => m.UserId)
            .ToListAsync();
        if (people.Count == 0)
            return 0;
        await messenger.NotifyAsync(
            db,
            people,
            new Message(
                MessageKind.FeedbackRequest,
                $"How was “{lessonTitle}”? Your feedback, please",
                link,
                "Give feedback"
            )
            {
                Summary = "A facilitator asks how the session went for you.",
                Paragraphs =
                [
                    $"The facilitators of {cohort.Name} would like to hear how the session “{lessonTitle}” went for "
                        + "you: what worked, what didn't, and what you would change.",
                    "Answer any of the questions; one is enough. You can send it anonymously.",
                ],
                CohortId = cohort.Id,
                CohortName = cohort.Name,
            }
        );
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return people.Count;
    }
}
