using Kindling.Domain;

namespace Kindling.Web.Features.Webhooks;

/// <summary>The events as the webhook pages name them.</summary>
public static class WebhookEventLabels
{
    public static string Of(string eventName) =>
        eventName switch
        {
            CohortEventNames.SessionStarted => "A session’s live room opens",
            CohortEventNames.SessionEnded => "A session ends",
            CohortEventNames.NotesPublished => "The after-session message goes out with the notes",
            CohortEventNames.FeedbackGiven => "Someone gives feedback on a session (only that it was given: no "
                + "answers, names or ratings)",
            CohortEventNames.WorksheetShared => "A worksheet is shared with the cohort",
            CohortEventNames.CharterPublished => "A project publishes its community charter",
            CohortEventNames.Ping => "Test event",
            _ => eventName,
        };

    public static string Describe(WebhookDeliveryState state) =>
        state switch
        {
            WebhookDeliveryState.Pending => "Waiting",
            WebhookDeliveryState.Delivered => "Delivered",
            _ => "Failed",
        };
}
