using System.ComponentModel.DataAnnotations;

namespace Kindling.Web.Features.Invitations;

public sealed class InvitationInput
{
    /// <summary>"participant", "observer" or "facilitator"; parsed by CohortRoles so a wrong value gets a
    /// sentence.</summary>
    public string? Role { get; set; } = "participant";

    /// <summary>"single" or "multi".</summary>
    public string? Uses { get; set; } = "single";

    [Display(Name = "Expires in (days)")]
    [Required(ErrorMessage = InvitationLinks.DaysMessage)]
    [Range(InvitationLinks.MinDays, InvitationLinks.MaxDays, ErrorMessage = InvitationLinks.DaysMessage)]
    public int? ExpiresInDays { get; set; } = InvitationLinks.DefaultDays;
}

/// <summary>Invitations sent by e-mail: one single-use link per address.</summary>
public sealed class MailInvitationInput
{
    public string? Role { get; set; } = "participant";

    [Display(Name = "Expires in (days)")]
    [Required(ErrorMessage = InvitationLinks.DaysMessage)]
    [Range(InvitationLinks.MinDays, InvitationLinks.MaxDays, ErrorMessage = InvitationLinks.DaysMessage)]
    public int? ExpiresInDays { get; set; } = InvitationLinks.DefaultDays;

    [Display(Name = "E-mail addresses")]
    [StringLength(20_000, ErrorMessage = "The list of addresses can be at most 20,000 characters.")]
    public string? Addresses { get; set; }
}
