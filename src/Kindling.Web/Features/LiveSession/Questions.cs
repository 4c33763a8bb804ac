using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The Q&amp;A: members ask and upvote, facilitators answer. Like every change it is refused while the document is
/// locked (LiveStore checks). Every broadcast carries a question as a peer sees it: never the author of an anonymous
/// one.
/// </summary>
public sealed class QuestionCommands(LiveStore store, Messenger messenger)
{
    public const int MaxQuestion = 2000,
        MaxAnswer = 4000;

    public Task<LiveStore.Committed> AskAsync(LiveContext ctx, AskQuestion c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                if (!ctx.CanWrite)
                    throw new LiveRuleException("Observers can read the questions but not ask them.");
                var text = (c.Text ?? "").Trim();
                if (text.Length == 0)
                    throw new LiveRuleException("Write your question before sending it.");
                if (text.Length > MaxQuestion)
                    throw new LiveRuleException(
                        $"A question can be at most {MaxQuestion:N0} characters; this one has {text.Length:N0}."
                    );
                if (
                    c.Anonymous
                    && !await tx
                        .Db.LiveDocuments.Where(d => d.SessionId == ctx.SessionId)
                        .Select(d => d.AllowAnonymous)
                        .SingleAsync()
                )
                    throw new LiveRuleException("Anonymous questions are turned off in this session.");
                var q = new LiveQuestion
                {
                    SessionId = ctx.SessionId,
                    AuthorId = ctx.UserId,
                    Anonymous = c.Anonymous,
                    Text = text,
                    CreatedUtc = tx.Now,
                };
                tx.Db.LiveQuestions.Add(q);
                return new Change(FeatureEvents.QuestionAsked, Public(q, ctx.UserName), q.Id);
            }
        );

    public Task<LiveStore.Committed> VoteAsync(LiveContext ctx, VoteQuestion c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                if (!ctx.CanWrite)
                    throw new LiveRuleException("Observers can read the questions but not vote.");
                var q = await QuestionAsync(tx, ctx, c.QuestionId);
                var vote = await tx.Db.LiveQuestionVotes.FirstOrDefaultAsync(v =>
                    v.QuestionId == q.Id && v.UserId == ctx.UserId
                );
                if (c.Up)
                {
                    if (vote is not null)
                        throw new LiveRuleException("You have already voted for this question.");
                    if (q.AuthorId == ctx.UserId)
                        throw new LiveRuleException("You cannot vote for your own question.");
                    tx.Db.LiveQuestionVotes.Add(
                        new LiveQuestionVote
                        {
                            QuestionId = q.Id,
                            UserId = ctx.UserId,
                            AtUtc = tx.Now,
                        }
                    );
                }
                else
                {
                    if (vote is null)
                        throw new LiveRuleException("You have not voted for this question.");
                    tx.Db.LiveQuestionVotes.Remove(vote);
                }
                // Commits of one session are serialised by the sequence claim, so counting here keeps Votes equal to
                // the rows.
                q.Votes = await tx.Db.LiveQuestionVotes.CountAsync(v => v.QuestionId == q.Id) + (c.Up ? 1 : -1);
                return new Change(FeatureEvents.QuestionVoted, Public(q, await NameAsync(tx.Db, q.AuthorId)), q.Id);
            }
        );

    public Task<LiveStore.Committed> AnswerAsync(LiveContext ctx, AnswerQuestion c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                if (!ctx.IsFacilitator)
                    throw new LiveRuleException("Only a facilitator of this cohort can answer questions.");
                var q = await QuestionAsync(tx, ctx, c.QuestionId);
                var answer = (c.Answer ?? "").Trim();
                if (answer.Length == 0)
                    throw new LiveRuleException("Write a short answer note before marking the question answered.");
                if (answer.Length > MaxAnswer)
                    throw new LiveRuleException(
                        $"An answer note can be at most {MaxAnswer:N0} "
                            + $"characters; this one has {answer.Length:N0}."
                    );
                var first = q.AnsweredUtc is null;
                q.Answer = answer;
                q.AnsweredUtc = tx.Now;
                q.AnsweredById = ctx.UserId;
                if (first && q.AuthorId != ctx.UserId)
                    await NotifyAskerAsync(tx, ctx, q);
                return new Change(FeatureEvents.QuestionAnswered, Public(q, await NameAsync(tx.Db, q.AuthorId)), q.Id);
            }
        );

    /// <summary>
    /// The asker hears that their question was answered (the first answer only; a corrected note is not news),
    /// written in this change's transaction. The mail does not quote the question or the answer: they belong to the
    /// room.
    /// </summary>
    private async Task NotifyAskerAsync(LiveTx tx, LiveContext ctx, LiveQuestion q)
    {
        var cohort = await tx.Db.Cohorts.Where(c => c.Id == ctx.CohortId).Select(c => c.Name).SingleAsync();
        var excerpt = q.Text.Length <= 120 ? q.Text : q.Text[..119] + "…";
        await messenger.NotifyAsync(
            tx.Db,
            q.AuthorId,
            new Message(
                MessageKind.QuestionAnswered,
                $"Your question was answered in “{ctx.Title}”",
                $"/cohorts/{ctx.CohortId}/sessions/{ctx.SessionId}/live",
                "Read the answer"
            )
            {
                Summary = $"“{excerpt}”",
                Paragraphs =
                [
                    $"A facilitator answered the question you asked in the live session “{ctx.Title}”.",
                    "Open the session's live room and its questions to read the answer.",
                ],
                CohortId = ctx.CohortId,
                CohortName = cohort,
            }
        );
    }

    /// <summary>The list as this reader may see it: most votes first, open questions before answered ones.</summary>
    public static async Task<QuestionList> ListAsync(KindlingDb db, LiveContext ctx)
    {
        var rows = await db
            .LiveQuestions.AsNoTracking()
            .Where(q => q.SessionId == ctx.SessionId && !q.Deleted)
            .Select(q => new
            {
                Q = q,
                Name = db.Users.Where(u => u.Id == q.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var ids = rows.Select(r => r.Q.Id).ToList();
        var mine = (
            await db
                .LiveQuestionVotes.Where(v => v.UserId == ctx.UserId && ids.Contains(v.QuestionId))
                .Select(v => v.QuestionId)
                .ToListAsync()
        ).ToHashSet();
        var questions = rows.OrderBy(r => r.Q.AnsweredUtc is not null)
            .ThenByDescending(r => r.Q.Votes)
            .ThenBy(r => r.Q.CreatedUtc)
            .Select(r => For(ctx, r.Q, r.Name, mine.Contains(r.Q.Id)))
            .ToList();
        return new QuestionList(true, null, questions);
    }

    /// <summary>As broadcast to everyone (Mine and VotedByMe are false: each client knows its own from its
    /// acknowledgements).</summary>
    public static QuestionView Public(LiveQuestion q, string? authorName) =>
        new(
            q.Id,
            AnonymousAuthors.Public(q.Anonymous, authorName),
            q.Anonymous,
            false,
            q.Text,
            q.Votes,
            false,
            q.CreatedUtc,
            q.AnsweredUtc,
            q.Answer
        );

    public static QuestionView For(LiveContext ctx, LiveQuestion q, string? authorName, bool votedByMe) =>
        new(
            q.Id,
            AnonymousAuthors.NameFor(ctx, q.Anonymous, q.AuthorId, authorName),
            q.Anonymous,
            q.AuthorId == ctx.UserId,
            q.Text,
            q.Votes,
            votedByMe,
            q.CreatedUtc,
            q.AnsweredUtc,
            q.Answer
        );

    private static async Task<LiveQuestion> QuestionAsync(LiveTx tx, LiveContext ctx, Guid id) =>
        await tx.Db.LiveQuestions.FirstOrDefaultAsync(q => q.Id == id && q.SessionId == ctx.SessionId && !q.Deleted)
        ?? throw new LiveRuleException("That question is not part of this session.");

    /// <summary>The author's name; null when their account was deleted (read as "a former member").</summary>
    private static Task<string?> NameAsync(KindlingDb db, string userId) =>
        db.Users.Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync();
}
