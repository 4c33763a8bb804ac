using Kindling.Web.Features.Curricula;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// What the room shows under an agenda item's heading besides its prompts: the list to pick from that the lesson gives
/// the activity (<c>pick_from</c>), and the slides beside a presentation (the session's own link, else the lesson's).
/// </summary>
public sealed record ActivityExtras(IReadOnlyList<string> Choices, string? Slides)
{
    public static IReadOnlyDictionary<int, ActivityExtras> Of(LessonDocument lesson, string? sessionSlides)
    {
        var slides = sessionSlides ?? lesson.Slides;
        var extras = new Dictionary<int, ActivityExtras>();
        for (var i = 0; i < lesson.Activities.Count; i++)
        {
            var a = lesson.Activities[i];
            var deck = a.Kind == "presentation" ? slides : null;
            if (a.Choices.Count > 0 || deck is not null)
                extras[i] = new ActivityExtras(a.Choices, deck);
        }
        return extras;
    }
}
