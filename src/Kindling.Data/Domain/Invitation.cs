using System.Linq.Expressions;

namespace Kindling.Domain;

/// <summary>A link that lets people join a cohort (or, with no cohort, become a facilitator).</summary>
public class Invitation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Token { get; set; } = "";

    /// <summary>Null for an instance-level facilitator invitation created by an admin.</summary>
    public Guid? CohortId { get; set; }
    public CohortRole Role { get; set; }

    /// <summary>1 for a single-use link; null for a multi-use link.</summary>
    public int? MaxUses { get; set; }
    public int Uses { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedById { get; set; } = "";

    /// <summary>The address it was e-mailed to, for an invitation sent by e-mail (single use).</summary>
    public string? Email { get; set; }

    public InvitationState StateAt(DateTime nowUtc) =>
        RevokedUtc is not null ? InvitationState.Revoked
        : nowUtc >= ExpiresUtc ? InvitationState.Expired
        : MaxUses is int max && Uses >= max ? InvitationState.Used
        : InvitationState.Open;

    /// <summary>
    /// <see cref="StateAt"/> is <see cref="InvitationState.Open"/>, as a condition the database checks in the same
    /// statement
    /// that counts a use, so concurrent redemptions never count past <see cref="MaxUses"/> nor lose a count.
    /// </summary>
    public static Expression<Func<Invitation, bool>> OpenAt(DateTime nowUtc) =>
        i => i.RevokedUtc == null && nowUtc < i.ExpiresUtc && (i.MaxUses == null || i.Uses < i.MaxUses);
}

public enum InvitationState
{
    Open,
    Expired,
    Revoked,
    Used,
}

public static class InvitationStateText
{
    public static string Describe(this InvitationState s) =>
        s switch
        {
            InvitationState.Expired => "This invitation has expired. Ask a facilitator for a new link.",
            InvitationState.Revoked => "This invitation was withdrawn by a facilitator. Ask them for a new link.",
            InvitationState.Used =>
                "This invitation has already been used. Each single-use link works once; ask a facilitator for a new "
                    + "one.",
            _ => "This invitation is open.",
        };
}
