using System.Net.Mail;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Invitations;

/// <summary>Invitations sent by e-mail: the addresses a facilitator typed, and the mail each one gets.</summary>
public static class InvitationMail
{
    public const int MaxAddresses = 50;

    /// <summary>Comma-, semicolon- or line-separated addresses, each checked; duplicates count once.</summary>
    public static (List<string> Addresses, List<string> Errors) Parse(string? text)
    {
        var addresses = new List<string>();
        var errors = new List<string>();
        var parts = (text ?? "").Split(
            [',', ';', '\n', '\r'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        foreach (var part in parts)
        {
            if (!IsAddress(part))
                errors.Add($"“{Shorten(part)}” is not an e-mail address. Correct it or remove it.");
            else if (!addresses.Contains(part, StringComparer.OrdinalIgnoreCase))
                addresses.Add(part);
        }
        if (parts.Length == 0)
            errors.Add("Enter at least one e-mail address.");
        else if (addresses.Count > MaxAddresses)
            errors.Add(
                $"You entered {addresses.Count} addresses; at most {MaxAddresses} can be invited at once. Send the "
                    + "rest in a second batch."
            );
        return (addresses, errors);
    }

    private static bool IsAddress(string text) =>
        text.Length <= 200
        && !Text.HasMarkup(text)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>Adds the invitation's e-mail to <paramref name="db"/> (a new outbox row each time; the link is the
    /// same).</summary>
    public static void Send(
        Messenger messenger,
        KindlingDb db,
        Invitation invitation,
        string inviterName,
        Cohort? cohort
    )
    {
        var what = cohort is null
            ? "to facilitate cohorts on Kindling: you will be able to start cohorts and edit curricula"
            : $"to join the cohort “{cohort.Name}” on Kindling as {InvitationRedeemer.RoleName(invitation.Role)}";
        var until = TimeZones.Format(invitation.ExpiresUtc, cohort?.TimeZoneId ?? "UTC");
        messenger.Mail(
            db,
            invitation.Email!,
            null,
            new Message(
                MessageKind.Invitation,
                cohort is null ? "You're invited to facilitate on Kindling" : $"You're invited to join {cohort.Name}",
                $"/invite/{invitation.Token}",
                "Accept the invitation"
            )
            {
                Paragraphs =
                [
                    $"{inviterName} invites you {what}.",
                    $"Open the link to create your account, or to sign in if you have one. It works once, until "
                        + $"{until}. If you weren't expecting this, you can ignore this e-mail.",
                ],
                CohortId = cohort?.Id,
                CohortName = cohort?.Name,
            }
        );
    }
}
