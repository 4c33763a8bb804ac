using System.Globalization;

namespace Kindling.Web.Features.PersonalData;

/// <summary>The README.md at the top of the download: what each file holds, and what is not in it and why.</summary>
public static class PersonalDataReadme
{
    /// <summary>The files of the download, in the order the README explains them.</summary>
    public static readonly (string File, string Holds)[] Files =
    [
        (
            "profile.json",
            "Your account: the name, pronouns, role, organisation, social handles and feeling you entered, your e-mail "
                + "address, time zone, when you joined, whether two-factor sign-in and your calendar feed are on, and "
                + "your roles on this Kindling. Never your password, its hash or your two-factor secrets."
        ),
        ("cohorts.json", "The cohorts you are in: your role, when you joined and acknowledged the guidelines."),
        (
            "live-responses.json",
            "Everything you wrote in live sessions, with the cohort, session and prompt: anonymous answers too (they "
                + "are yours), answers a facilitator hid, and ones you deleted."
        ),
        ("questions.json", "The questions you asked in the Q&A (with their answers) and the questions you voted for."),
        ("session-feedback.json", "The feedback you gave at the end of sessions, anonymous or not."),
        (
            "projects-and-worksheets.json",
            "The projects you manage and their worksheets: the template as it was copied, the current answers and "
                + "every saved version. A version says whether you saved it; who else did is not named."
        ),
        ("worksheet-comments.json", "The comments you wrote on worksheets."),
        (
            "peer-feedback.json",
            "The worksheets a facilitator asked you to give feedback on, and those a project asked you to read."
        ),
        (
            "attendance.json",
            "Your attendance of each session (when you joined, minutes connected, the roll call, a facilitator's "
                + "correction and its note) and the breakout groups you were in."
        ),
        (
            "messages.json",
            "Your e-mail choices, your notifications and the e-mails Kindling sent you (subject and dates)."
        ),
        (
            "concern-reports.json",
            "The concern reports you filed with your name, and what you can see of each one's progress: its status, "
                + "the replies to you and what you added. The readers' private notes are not yours to read."
        ),
        ("api-tokens.json", "Your personal access tokens: names, scope and dates. Their secrets are never kept."),
    ];

    public static string Text(string instance, DateTime createdUtc) =>
        $"""
            # Your data from Kindling

            Everything {instance} holds about you, as of {createdUtc.ToString(
                "yyyy-MM-dd HH:mm",
                CultureInfo.InvariantCulture
            )} UTC. Each file is JSON (open it in a
            text editor or any JSON viewer); every time is in UTC.

            ## The files

            {string.Join("\n", Files.Select(f => $"- `{f.File}`: {f.Holds}"))}

            ## What is not here, and why

            - **Anonymous concern reports.** They were filed without a name, and Kindling keeps nothing that ties them
              to anyone, you included. Follow them with the receipt link you were given.
            - **Other people's words and names**: other people's answers, comments on your worksheets, who else saved a
              worksheet version. They belong to them.
            - **What you made for a cohort or curriculum as a facilitator** (sessions, lesson and template edits,
              invitations, notes on concern reports): it belongs to the cohort or curriculum and stays with it.
            - **Your password and two-factor secrets**: Kindling keeps only a one-way hash of the password, which is of
              no use outside Kindling.

            ## If you delete your account

            Your answers and questions in live sessions stay in the session documents, shown as written by "a former
            member", so the notes others rely on stay whole. A concern report you filed with your name stays for the
            facilitators' duty of care, from "a former member". Worksheets of a project you manage with others stay
            with them, with the versions you saved. Everything else listed above is deleted.
            """;
}
