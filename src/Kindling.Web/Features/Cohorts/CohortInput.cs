using System.ComponentModel.DataAnnotations;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Cohorts;

/// <summary>The editable fields of a cohort, shared by the create and edit forms.</summary>
public class CohortInput : IValidatableObject
{
    [
        Required(ErrorMessage = "Give the cohort a name."),
        StringLength(120, ErrorMessage = "The name can be at most 120 characters."),
        PlainText(ErrorMessage = "The name can't contain < or > characters.")
    ]
    public string Name { get; set; } = "";

    [StringLength(2000, ErrorMessage = "The description can be at most 2,000 characters.")]
    public string? Description { get; set; }

    [Display(Name = "Time zone"), Required(ErrorMessage = "Pick the time zone sessions are planned in.")]
    public string TimeZoneId { get; set; } = "";

    [
        Display(Name = "Participation guidelines"),
        Required(ErrorMessage = "Write participation guidelines (the defaults are a good start)."),
        StringLength(20_000, ErrorMessage = "The guidelines can be at most 20,000 characters.")
    ]
    public string Guidelines { get; set; } = "";

    [
        Display(Name = "Code of conduct"),
        Required(ErrorMessage = "Write a code of conduct (the default is a good start)."),
        StringLength(20_000, ErrorMessage = "The code of conduct can be at most 20,000 characters.")
    ]
    public string CodeOfConduct { get; set; } = "";

    [Display(Name = "Facilitators must use two-factor sign-in")]
    public bool RequireTwoFactorForFacilitators { get; set; }

    public const string OwnTwoFactorFirst =
        "Turn on two-factor sign-in for your own account first (Your profile › Two-factor sign-in): otherwise the "
        + "cohort would close to you too.";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!TimeZones.IsValid(TimeZoneId))
            yield return new("Pick a time zone from the list.", [nameof(TimeZoneId)]);
    }
}
