using System.ComponentModel;
using System.Text;
using Kindling.Data;
using Kindling.LiveClient;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

/// <summary>A new response under one prompt of the session document.</summary>
/// <param name="ClientKey">Optional retry key: sending the same change again with the same key stores it once.</param>
public sealed record NewResponse(
    Guid SectionId,
    [property: Description("At most 4,000 characters.")] string Text,
    bool Anonymous = false,
    string? ClientKey = null
);

/// <param name="Up">True to vote for the question, false to take your vote back.</param>
public sealed record QuestionVote(bool Up = true, string? ClientKey = null);

public sealed record QuestionAnswer(
    [property: Description("A short answer note, at most 2,000 characters.")] string Answer,
    string? ClientKey = null
);

/// <summary>A change stored in the session document: its sequence number.</summary>
public sealed record Changed(long Seq);

public sealed record NewQuestion(
    [property: Description("At most 2,000 characters.")] string Text,
    bool Anonymous = false,
    string? ClientKey = null
);

/// <summary>What a stored change answers: the new thing's id and the document's sequence number after it.</summary>
public sealed record Created(Guid Id, long Seq);

/// <summary>
/// A session's live document through the API, by the rules of the live room itself (<see cref="LiveContext"/>,
/// <see cref="LiveViews"/>): anonymous authors stay anonymous, hidden responses and unrevealed silent rounds are seen
/// only by those the room shows them to, and a change is stored, numbered and broadcast to the room like one made
/// there.
/// </summary>
public static class SessionApi
{
    public static void MapSessionApi(this RouteGroupBuilder cohort)
    {
        var session = cohort.MapGroup("/sessions/{sessionId:guid}");
        session
            .MapGet("/document", GetDocumentAsync)
            .WithName("getSessionDocument")
            .WithSummary("The session's live document as you may see it");
        session
            .MapGet("/document.md", GetMarkdownAsync)
            .WithName("getSessionDocumentMarkdown")
            .WithSummary("The session document as Markdown, as the download keeps it (no hidden or unrevealed text)")
            .Produces<string>(200, "text/markdown");
        session
            .MapPost("/responses", AddResponseAsync)
            .WithName("addResponse")
            .WithSummary("Add a response under one prompt (participants and facilitators)");
        session
            .MapGet("/questions", ListQuestionsAsync)
            .WithName("listQuestions")
            .WithSummary("The session's Q&A as you may see it");
        session
            .MapPost("/questions", AskAsync)
            .WithName("askQuestion")
            .WithSummary("Ask a question in the session's Q&A (participants and facilitators)");
        session
            .MapPost("/questions/{questionId:guid}/vote", VoteAsync)
            .WithName("voteQuestion")
            .WithSummary("Vote for a question, or take your vote back (participants and facilitators)");
        session
            .MapPost("/questions/{questionId:guid}/answer", AnswerQuestionAsync)
            .WithName("answerQuestion")
            .WithSummary("Mark a question answered with a short note, or change the note (facilitators)");
    }

    private static async Task<LiveContext?> ContextAsync(KindlingDb db, CurrentCohort cohort, Guid sessionId)
    {
        var ctx = await LiveContext.LoadAsync(db, sessionId, cohort.Membership.Member.UserId);
        return ctx?.CohortId == cohort.CohortId ? ctx : null;
    }

    /// <summary>The caller's live context when they may make this change; otherwise the problem to answer.</summary>
    private static async Task<(LiveContext? Ctx, ProblemHttpResult? Refused)> WriterAsync(
        KindlingDb db,
        CurrentCohort cohort,
        Guid sessionId,
        Func<LiveContext, bool> may,
        string refusal
    )
    {
        if (await ContextAsync(db, cohort, sessionId) is not { } ctx)
            return (null, ApiProblems.NotFound(NoSession));
        return may(ctx) ? (ctx, null) : (null, ApiProblems.Forbidden(refusal));
    }

    private const string ObserversRead = "Observers read only; participants and facilitators may write here.";
    private const string NoSession = "This cohort has no session with this id.";
    private const string NotOpen = "This session's document is not open yet; it opens when a facilitator starts it.";

    private static async Task<Results<Ok<Snapshot>, ProblemHttpResult>> GetDocumentAsync(
        Guid sessionId,
        CurrentCohort cohort,
        KindlingDb db
    )
    {
        if (await ContextAsync(db, cohort, sessionId) is not { } ctx)
            return ApiProblems.NotFound(NoSession);
        return await LiveViews.SnapshotAsync(db, ctx) is { } snapshot
            ? TypedResults.Ok(snapshot)
            : ApiProblems.NotFound(NotOpen);
    }

    private static async Task<IResult> GetMarkdownAsync(
        Guid sessionId,
        CurrentCohort cohort,
        KindlingDb db,
        LessonCache lessons
    )
    {
        var zone = await db
            .Users.Where(u => u.Id == cohort.Membership.Member.UserId)
            .Select(u => u.TimeZoneId)
            .FirstAsync();
        var doc = await ExportDocument.LoadAsync(db, lessons, cohort.CohortId, sessionId, zone);
        if (doc is null)
            return ApiProblems.NotFound(await ContextAsync(db, cohort, sessionId) is null ? NoSession : NotOpen);
        return TypedResults.Text(ExportMarkdown.Write(doc), "text/markdown", Encoding.UTF8);
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult, ValidationProblem>> AddResponseAsync(
        Guid sessionId,
        NewResponse body,
        CurrentCohort cohort,
        KindlingDb db,
        ResponseCommands responses,
        LiveBroadcaster broadcaster
    )
    {
        if (string.IsNullOrWhiteSpace(body.Text))
            return ApiProblems.Invalid("text", "Write something before sending the response.");
        var (ctx, refused) = await WriterAsync(db, cohort, sessionId, c => c.CanWrite, ObserversRead);
        if (refused is not null)
            return refused;
        var done = await responses.AddAsync(
            ctx!,
            new AddResponse(sessionId, body.SectionId, body.Text, body.Anonymous, Key(body.ClientKey))
        );
        return await AnswerAsync(done, broadcaster, cohort, sessionId, "document");
    }

    private static async Task<Results<Ok<QuestionList>, ProblemHttpResult>> ListQuestionsAsync(
        Guid sessionId,
        CurrentCohort cohort,
        KindlingDb db
    )
    {
        if (await ContextAsync(db, cohort, sessionId) is not { } ctx)
            return ApiProblems.NotFound(NoSession);
        return TypedResults.Ok(await QuestionCommands.ListAsync(db, ctx));
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult, ValidationProblem>> AskAsync(
        Guid sessionId,
        NewQuestion body,
        CurrentCohort cohort,
        KindlingDb db,
        QuestionCommands questions,
        LiveBroadcaster broadcaster
    )
    {
        if (string.IsNullOrWhiteSpace(body.Text))
            return ApiProblems.Invalid("text", "Write your question before sending it.");
        var (ctx, refused) = await WriterAsync(db, cohort, sessionId, c => c.CanWrite, ObserversRead);
        if (refused is not null)
            return refused;
        var done = await questions.AskAsync(
            ctx!,
            new AskQuestion(sessionId, body.Text, body.Anonymous, Key(body.ClientKey))
        );
        return await AnswerAsync(done, broadcaster, cohort, sessionId, "questions");
    }

    private static async Task<Results<Ok<Changed>, ProblemHttpResult>> VoteAsync(
        Guid sessionId,
        Guid questionId,
        QuestionVote body,
        CurrentCohort cohort,
        KindlingDb db,
        QuestionCommands questions,
        LiveBroadcaster broadcaster
    )
    {
        var (ctx, refused) = await WriterAsync(db, cohort, sessionId, c => c.CanWrite, ObserversRead);
        if (refused is not null)
            return refused;
        var done = await questions.VoteAsync(
            ctx!,
            new VoteQuestion(sessionId, questionId, body.Up, Key(body.ClientKey))
        );
        return await ChangedAsync(done, broadcaster);
    }

    private static async Task<Results<Ok<Changed>, ProblemHttpResult>> AnswerQuestionAsync(
        Guid sessionId,
        Guid questionId,
        QuestionAnswer body,
        CurrentCohort cohort,
        KindlingDb db,
        QuestionCommands questions,
        LiveBroadcaster broadcaster
    )
    {
        var (ctx, refused) = await WriterAsync(
            db,
            cohort,
            sessionId,
            c => c.IsFacilitator,
            "Only the cohort's facilitators answer questions."
        );
        if (refused is not null)
            return refused;
        var done = await questions.AnswerAsync(
            ctx!,
            new AnswerQuestion(sessionId, questionId, body.Answer ?? "", Key(body.ClientKey))
        );
        return await ChangedAsync(done, broadcaster);
    }

    private static async Task<Results<Ok<Changed>, ProblemHttpResult>> ChangedAsync(
        LiveStore.Committed done,
        LiveBroadcaster broadcaster
    )
    {
        if (!done.Ack.Ok)
            return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity, done.Ack.Error ?? "Not saved.");
        if (done.Event is not null)
            await broadcaster.PublishAsync(done);
        return TypedResults.Ok(new Changed(done.Ack.Seq));
    }

    /// <summary>A change without a key of its own gets a fresh one: stored once, as the room's would be.</summary>
    private static string Key(string? clientKey) =>
        string.IsNullOrEmpty(clientKey) ? "api-" + Guid.NewGuid().ToString("N") : clientKey;

    private static async Task<Results<Created<Created>, ProblemHttpResult, ValidationProblem>> AnswerAsync(
        LiveStore.Committed done,
        LiveBroadcaster broadcaster,
        CurrentCohort cohort,
        Guid sessionId,
        string what
    )
    {
        if (!done.Ack.Ok)
            return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity, done.Ack.Error ?? "Not saved.");
        if (done.Event is not null)
            await broadcaster.PublishAsync(done);
        var id = done.Ack.Id ?? Guid.Empty;
        return TypedResults.Created(
            $"{ApiSetup.Prefix}/cohorts/{cohort.CohortId}/sessions/{sessionId}/{what}",
            new Created(id, done.Ack.Seq)
        );
    }
}
