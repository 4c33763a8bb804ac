using Kindling.Domain;

namespace Kindling.Web.Features.Messages.Preferences;

/// <summary>The kinds of message a person chooses how to receive, in words for the preferences page and
/// mails.</summary>
public static class MessageKinds
{
    public sealed record Choice(MessageKind Kind, string Label, string Explanation);

    /// <summary>In the order the preferences page lists them.</summary>
    public static readonly IReadOnlyList<Choice> Configurable =
    [
        new(
            MessageKind.SessionReminder,
            "Session reminders",
            "A day and an hour before each session of your cohorts, with the time in your time zone, the join link "
                + "and a calendar file."
        ),
        new(
            MessageKind.AfterSession,
            "After a session",
            "The notes, follow-up and next assignment once a session you were invited to is over."
        ),
        new(
            MessageKind.WorksheetComment,
            "Comments on your worksheets",
            "When someone comments on a worksheet of a project you manage."
        ),
        new(
            MessageKind.FeedbackRequest,
            "Feedback requests",
            "When a facilitator asks for your feedback on a session you have not given feedback on yet."
        ),
        new(
            MessageKind.QuestionAnswered,
            "Your questions answered",
            "When a facilitator answers a question you asked in a live session's Q&A."
        ),
        new(
            MessageKind.PeerFeedback,
            "Peer feedback requests",
            "When a facilitator asks you to give feedback on another participant's shared worksheet, and a reminder "
                + "a day before it is due if you have not commented yet."
        ),
        new(
            MessageKind.ReviewReminder,
            "Review reminders",
            "When it is time to review the worksheets of a project you manage, as often as the project asks."
        ),
        new(
            MessageKind.FacilitatorNotice,
            "Notices for facilitators",
            "When a session you facilitate ended by itself and its after-session message waits for your review."
        ),
        new(
            MessageKind.ConcernReport,
            "Concern reports",
            "New concern reports and replies about them. The e-mail only says that something happened; what was "
                + "reported stays in Kindling."
        ),
    ];

    public static bool IsConfigurable(MessageKind kind) => Configurable.Any(c => c.Kind == kind);

    /// <summary>"session reminders", for sentences such as "You will no longer get e-mails about …".</summary>
    public static string Label(MessageKind kind) =>
        kind == MessageKind.Digest
            ? "the daily digest"
            : Configurable.FirstOrDefault(c => c.Kind == kind)?.Label.ToLowerInvariant() ?? kind.ToString();

    public static string Describe(EmailDelivery delivery) =>
        delivery switch
        {
            EmailDelivery.Immediately => "Immediately",
            EmailDelivery.DailyDigest => "Daily digest",
            _ => "Off",
        };
}
