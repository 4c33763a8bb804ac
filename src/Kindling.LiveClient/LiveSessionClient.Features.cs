using Microsoft.AspNetCore.SignalR.Client;

namespace Kindling.LiveClient;

// Q&A, breakouts and participation balance. Event data: question.* carry a QuestionView as every peer sees it
// (Mine and VotedByMe false; match your own by the Ack's Id); breakouts.* carry a BreakoutState with MyGroupId null,
// and breakouts.started also lists the new notes sections ("sections") and the document's new order of section ids
// ("order").
public sealed partial class LiveSessionClient
{
    public Task<QuestionList> QuestionsAsync() => _hub.InvokeAsync<QuestionList>("Questions", SessionId);

    public Task<Ack> AskAsync(string text, bool anonymous = false, string? key = null) =>
        SendAsync("Ask", k => new AskQuestion(SessionId, text, anonymous, k), key);

    public Task<Ack> VoteAsync(Guid questionId, bool up = true, string? key = null) =>
        SendAsync("Vote", k => new VoteQuestion(SessionId, questionId, up, k), key);

    public Task<Ack> AnswerQuestionAsync(Guid questionId, string answer, string? key = null) =>
        SendAsync("AnswerQuestion", k => new AnswerQuestion(SessionId, questionId, answer, k), key);

    public Task<BreakoutState> BreakoutsAsync() => _hub.InvokeAsync<BreakoutState>("Breakouts", SessionId);

    public Task<Ack> StartBreakoutsAsync(int groups, string mode, string? balanceField = null, string? key = null) =>
        SendAsync("StartBreakouts", k => new StartBreakouts(SessionId, groups, mode, balanceField, k), key);

    /// <summary>Moves yourself (<paramref name="userId"/> null) or, as a facilitator, someone else.</summary>
    public Task<Ack> MoveToGroupAsync(Guid groupId, string? userId = null, string? key = null) =>
        SendAsync("MoveToGroup", k => new MoveToGroup(SessionId, groupId, userId, k), key);

    public Task<Ack> EndBreakoutsAsync(string? key = null) =>
        SendAsync("EndBreakouts", k => new EndBreakouts(SessionId, k), key);

    /// <summary>The cohort's shared worksheets (the "share your insights" slot); <see cref="SharedWorksheetsPushed"/>
    /// brings changes.</summary>
    public Task<SharedWorksheetList> SharedWorksheetsAsync() =>
        _hub.InvokeAsync<SharedWorksheetList>("SharedWorksheets", SessionId);

    /// <summary>Facilitators only; others get Ok false with a sentence.</summary>
    public Task<ParticipationResult> ParticipationAsync() =>
        _hub.InvokeAsync<ParticipationResult>("Participation", SessionId);
}
