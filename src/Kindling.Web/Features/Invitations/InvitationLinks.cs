using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kindling.Web.Features.Invitations;

/// <summary>What the invitation lists show: the full link to share and a short word for the state.</summary>
public static class InvitationLinks
{
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 14;
    public const string DaysMessage = "Expires in (days) must be a whole number from 1 to 90.";

    /// <summary>"abc" or "1.5" fails model binding with a generic sentence; say what the field accepts
    /// instead.</summary>
    public static void ReplaceDaysBindingError(ModelStateDictionary modelState, string key)
    {
        if (modelState[key] is not { Errors.Count: > 0 } entry)
            return;
        entry.Errors.Clear();
        entry.Errors.Add(DaysMessage);
    }

    public static string Url(PublicUrls urls, string token) => urls.For($"/invite/{token}");

    public static string StateLabel(InvitationState state) =>
        state switch
        {
            InvitationState.Open => "open",
            InvitationState.Expired => "expired",
            InvitationState.Revoked => "revoked",
            _ => "used up",
        };

    public static Invitation Create(
        Guid? cohortId,
        CohortRole role,
        bool singleUse,
        int days,
        string createdById,
        DateTime nowUtc
    ) =>
        new()
        {
            Token = InvitationRedeemer.NewToken(),
            CohortId = cohortId,
            Role = role,
            MaxUses = singleUse ? 1 : null,
            ExpiresUtc = nowUtc.AddDays(days),
            CreatedUtc = nowUtc,
            CreatedById = createdById,
        };
}
