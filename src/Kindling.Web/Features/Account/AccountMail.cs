using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Microsoft.AspNetCore.Identity;

namespace Kindling.Web.Features.Account;

/// <summary>
/// The e-mails about the account itself: a password reset, an address confirmation, an address change. Each only
/// adds its outbox row to the database; the caller's SaveChanges sends it.
/// </summary>
public sealed class AccountMail(UserManager<AppUser> users, Messenger messenger, KindlingDb db)
{
    public async Task ResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        messenger.Mail(
            db,
            user.Email!,
            user.DisplayName,
            new Message(
                MessageKind.Account,
                "Reset your Kindling password",
                ResetLink(user.Id, token),
                "Choose a new password"
            )
            {
                Paragraphs =
                [
                    "Someone asked to reset the password of the Kindling account that uses this address. If it was "
                        + "you, open the link below within an hour and choose a new password. The link works once.",
                    "If it wasn't you, you can ignore this e-mail: your password stays as it is.",
                ],
            },
            user.Id
        );
    }

    public async Task ConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        messenger.Mail(
            db,
            user.Email!,
            user.DisplayName,
            new Message(
                MessageKind.Account,
                "Confirm your e-mail address for Kindling",
                ConfirmLink(user.Id, token, null),
                "Confirm my address"
            )
            {
                Paragraphs =
                [
                    $"Hello {user.DisplayName}, please confirm that this address is yours by opening the link below. "
                        + "Your account works already; Kindling only waits for this before it sends you "
                        + "notifications by e-mail.",
                    "The link works for three days. Your profile page can send a new one.",
                ],
            },
            user.Id
        );
    }

    /// <summary>The link goes to the new address; the current one hears of it, and stays in use until the link is
    /// opened.</summary>
    public async Task AddressChangeAsync(AppUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        messenger.Mail(
            db,
            newEmail,
            user.DisplayName,
            new Message(
                MessageKind.Account,
                "Confirm your new e-mail address for Kindling",
                ConfirmLink(user.Id, token, newEmail),
                "Confirm my new address"
            )
            {
                Paragraphs =
                [
                    "You asked to use this address for your Kindling account. Open the link below to confirm it; "
                        + "until then your account keeps its current address.",
                    "The link works for three days. If you didn't ask for this, ignore this e-mail.",
                ],
            },
            user.Id
        );
        messenger.Mail(
            db,
            user.Email!,
            user.DisplayName,
            new Message(
                MessageKind.Account,
                "Your Kindling e-mail address is about to change",
                "/account/password",
                "Change my password"
            )
            {
                Paragraphs =
                [
                    $"Someone signed in to your Kindling account asked to change its address to {newEmail}. The "
                        + "change happens only when the link sent to that address is opened; until then this address "
                        + "stays in use.",
                    "If this wasn't you, change your password now, and tell an admin of your Kindling.",
                ],
            },
            user.Id
        );
    }

    public static string ResetLink(string userId, string token) =>
        $"/account/reset?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    public static string ConfirmLink(string userId, string token, string? newEmail) =>
        $"/account/confirm?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}"
        + (newEmail is null ? "" : $"&email={Uri.EscapeDataString(newEmail)}");
}
