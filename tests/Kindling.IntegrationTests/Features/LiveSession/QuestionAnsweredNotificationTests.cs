using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The person who asked hears that their question was answered, through the live write path.</summary>
[Collection(SecondAppCollection.Name)]
public class QuestionAnsweredNotificationTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Answer_NotifiesTheAskerOnce_NotTheFacilitator_NotForOwnQuestions(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        var asker = s.Users["participant"].Id;

        var asked = await par.AskAsync("How do we welcome people who join late?", anonymous: true);
        Assert.True(asked.Ok, asked.Error);
        Assert.Empty(await NotificationsAsync(s.App, asker, MessageKind.QuestionAnswered));
        var answered = await fac.AnswerQuestionAsync(asked.Id!.Value, "A buddy for their first month.");
        Assert.True(answered.Ok, answered.Error);

        var n = Assert.Single(await NotificationsAsync(s.App, asker, MessageKind.QuestionAnswered));
        Assert.Equal($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/live", n.Link);
        Assert.Contains("How do we welcome people who join late?", n.Body);
        var mail = Assert.Single(await MailsAsync(s.App, asker, MessageKind.QuestionAnswered));
        Assert.DoesNotContain("buddy", mail.TextBody);

        // A corrected answer is not news; the facilitator's own question answered by themselves tells nobody.
        Assert.True((await fac.AnswerQuestionAsync(asked.Id!.Value, "A buddy, and a welcome call.")).Ok);
        Assert.Single(await NotificationsAsync(s.App, asker, MessageKind.QuestionAnswered));
        var own = await fac.AskAsync("Shall we take a break?");
        Assert.True((await fac.AnswerQuestionAsync(own.Id!.Value, "Yes, five minutes.")).Ok);
        Assert.Empty(await NotificationsAsync(s.App, s.Users["facilitator"].Id, MessageKind.QuestionAnswered));
        Assert.Empty(await NotificationsAsync(s.App, s.Users["observer"].Id, MessageKind.QuestionAnswered));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefusedAnswer_WritesNoNotification(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        var asked = await par.AskAsync("Is there a reading list?");
        Assert.False((await par.AnswerQuestionAsync(asked.Id!.Value, "I answer myself")).Ok);
        Assert.False((await fac.AnswerQuestionAsync(asked.Id!.Value, "   ")).Ok);
        Assert.Empty(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.QuestionAnswered));
    }
}
