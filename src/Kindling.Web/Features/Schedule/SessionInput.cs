using System.ComponentModel.DataAnnotations;
using Kindling.Domain;

namespace Kindling.Web.Features.Schedule;

/// <summary>The session form: the wall-clock date and time are in the cohort's zone and become a UTC instant.</summary>
public sealed class SessionInput : IValidatableObject
{
    [Display(Name = "Lesson"), Required(ErrorMessage = "Pick the lesson this session teaches.")]
    public Guid? LessonId { get; set; }

    [Display(Name = "Date"), Required(ErrorMessage = "Enter the date of the session.")]
    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    [Display(Name = "Start time"), Required(ErrorMessage = "Enter the start time, like 15:00.")]
    [DataType(DataType.Time)]
    public TimeOnly? Time { get; set; }

    [Display(Name = "Lesson minutes"), Range(15, 240, ErrorMessage = "The lesson part must be 15 to 240 minutes.")]
    public int PresentationMinutes { get; set; } = 60;

    [Display(Name = "Discussion minutes"), Range(0, 120, ErrorMessage = "Open discussion must be 0 to 120 minutes.")]
    public int DiscussionMinutes { get; set; } = 30;

    [Display(Name = "Video call link"), StringLength(500, ErrorMessage = "The link can be at most 500 characters.")]
    public string? JoinUrl { get; set; }

    [Display(Name = "Slides link"), StringLength(500, ErrorMessage = "The slides link can be at most 500 characters.")]
    public string? SlidesUrl { get; set; }

    [Display(Name = "Recording")]
    public RecordingPolicy Recording { get; set; } = RecordingPolicy.NoRecording;

    [
        Display(Name = "Notes link (after the session)"),
        StringLength(500, ErrorMessage = "The link can be at most 500 characters.")
    ]
    public string? NotesUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!IsWebLink(JoinUrl))
            yield return new("The video call link must be a full https:// address.", [nameof(JoinUrl)]);
        if (!IsWebLink(SlidesUrl))
            yield return new("The slides link must be a full https:// address.", [nameof(SlidesUrl)]);
        if (!IsWebLink(NotesUrl))
            yield return new("The notes link must be a full https:// address.", [nameof(NotesUrl)]);
        if (!Enum.IsDefined(Recording))
            yield return new("Choose one of the recording options.", [nameof(Recording)]);
    }

    private static bool IsWebLink(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (
            Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u)
            && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
        );
}
