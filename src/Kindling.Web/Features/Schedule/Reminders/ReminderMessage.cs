using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Schedule.Reminders;

/// <summary>The words of a session reminder, for one member: times in their time zone.</summary>
public static class ReminderMessage
{
    public static Message For(
        SessionView view,
        string memberZone,
        bool hourBefore,
        PublicUrls urls,
        MailAttachment calendar
    )
    {
        var s = view.Session;
        var page = $"/cohorts/{view.Cohort.Id}/sessions/{s.Id}";
        var when = TimeZones.Format(s.StartsUtc, memberZone);
        var local = TimeZones.ToLocal(s.StartsUtc, memberZone);
        var subject = hourBefore
            ? $"Starting soon: {view.Lesson.Title} at {local:HH:mm}"
            : $"Coming up: {view.Lesson.Title} on {local:ddd d MMM} at {local:HH:mm}";
        return new Message(MessageKind.SessionReminder, Text.Clip(subject, 200), page, "Open the session page")
        {
            Summary = $"Starts {when}.",
            CohortId = view.Cohort.Id,
            CohortName = view.Cohort.Name,
            Paragraphs =
            [
                $"The session “{view.Lesson.Title}” of {view.Cohort.Name} starts {when}.",
                string.IsNullOrEmpty(s.JoinUrl)
                    ? "The call's join link is not set yet; it will be on the session page."
                    : $"Join the call: {s.JoinUrl}",
                $"The live room, for the shared notes, questions and breakouts: {urls.For(page + "/live")}",
                "The calendar file attached adds the session to your calendar.",
            ],
            Attachments = [calendar],
        };
    }
}
