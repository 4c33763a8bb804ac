using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>
/// Arranges a round of peer feedback: checks the request, pairs (by hand, at random or balanced), then stores the round
/// and its requests, names every reviewer as a reviewer of the worksheet (so they can read it and comment, also from
/// another cohort) and writes each reviewer a request, all in one save. On any error nothing is stored.
/// </summary>
public sealed class ArrangeRound(KindlingDb db, PeerRequests requests, TimeProvider clock)
{
    public sealed record Error(string Field, string Message);

    public sealed record Outcome(PeerRound? Round, IReadOnlyList<Error> Errors, IReadOnlyList<string> LeftOut);

    public async Task<Outcome> CreateAsync(Membership by, RoundInput input, DateTime? dueUtc, Random rng)
    {
        var errors = new List<Error>();
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db
            .AssignmentTemplates.Where(t => t.CurriculumId == by.Cohort.CurriculumId && t.Slug == input.Template)
            .Select(t => new { t.Slug, t.Title })
            .FirstOrDefaultAsync();
        if (template is null)
            return Fail("Template", "Choose the assignment whose shared worksheets people will give feedback on.");
        if (!PeerModes.All.Contains(input.Mode))
            errors.Add(new("Mode", "Choose how to pair people: by hand, at random or balanced by a profile field."));
        var field = input.Mode == PeerModes.Balanced ? input.BalanceField : null;
        if (input.Mode == PeerModes.Balanced && PeerPool.BalanceFields.All(f => f.Value != field))
            errors.Add(
                new(
                    "BalanceField",
                    "To balance the groups, choose a profile field: organisation, job title, time zone or pronouns."
                )
            );
        if (input.GroupSize is not (2 or 3))
            errors.Add(new("GroupSize", "Choose groups of 2 or 3 people."));
        // Unless the facilitator chose a time, feedback is due by the cohort's next session.
        dueUtc ??= await db
            .Sessions.Where(s => s.CohortId == by.Cohort.Id && s.StartsUtc > now)
            .OrderBy(s => s.StartsUtc)
            .Select(s => (DateTime?)s.StartsUtc)
            .FirstOrDefaultAsync();
        if (dueUtc is { } due && due <= now)
            errors.Add(new("DueDate", "The due time has passed; choose a time in the future."));
        var pool = await PeerPool.LoadAsync(db, by.Cohort, template.Slug, input.Across, field);
        if (pool.Sheets.Count < 2)
            errors.Add(
                new(
                    "Template",
                    $"Only {Count(pool.Sheets.Count)} of “{template.Title}” "
                        + (pool.Sheets.Count == 1 ? "is" : "are")
                        + " shared, and peer feedback needs at least two. Ask people to share theirs first"
                        + " (“Sharing” on the worksheet's page)."
                )
            );
        if (errors.Count > 0)
            return new(null, errors, []);

        IReadOnlyList<PeerPairing.Review> reviews;
        var leftOut = new List<string>();
        if (input.Mode == PeerModes.Hand)
        {
            (reviews, var handErrors) = ByHand(pool, input.Pairs);
            if (handErrors.Count > 0)
                return new(null, handErrors, []);
        }
        else
        {
            var arranged = PeerPairing.Arrange(
                pool.Sheets.Select(s => s.Entry).ToList(),
                by.Cohort.Id,
                input.GroupSize,
                input.Mode == PeerModes.Balanced,
                rng
            );
            reviews = arranged.Reviews;
            leftOut.AddRange(
                arranged.LeftOut.Select(e => pool.Sheets.First(s => s.Id == e.WorksheetId)).Select(s => s.ProjectName)
            );
            if (reviews.Count == 0)
                return Fail(
                    "Template",
                    "Nobody could be paired: every shared worksheet is managed by the same people."
                );
        }

        var round = new PeerRound
        {
            CohortId = by.Cohort.Id,
            TemplateSlug = template.Slug,
            Mode = input.Mode,
            BalanceField = field,
            GroupSize = input.GroupSize,
            AcrossCohorts = input.Across,
            DueUtc = dueUtc,
            CreatedUtc = now,
            CreatedById = by.Member.UserId,
        };
        db.PeerRounds.Add(round);
        var rows = reviews
            .Select(r => new PeerReview
            {
                RoundId = round.Id,
                GroupNumber = r.Group,
                ReviewerId = r.ReviewerId,
                WorksheetId = r.WorksheetId,
                RequestedUtc = now,
            })
            .ToList();
        db.PeerReviews.AddRange(rows);
        await NameReviewersAsync(rows, by.Member.UserId, now);
        await requests.RequestAsync(round, rows, by);
        await db.SaveChangesAsync();
        return new(round, [], leftOut);

        Outcome Fail(string key, string message) => new(null, [new(key, message)], []);
    }

    private static string Count(int n) => n == 1 ? "one worksheet" : $"{n} worksheets";

    /// <summary>The by-hand pairs, checked: a reviewer who takes part, a shared worksheet of the template, never their
    /// own project's, and across cohorts only where the worksheet's managers opted in.</summary>
    private static (List<PeerPairing.Review>, List<Error>) ByHand(PeerPool pool, IReadOnlyList<PairInput> pairs)
    {
        var reviews = new List<PeerPairing.Review>();
        var errors = new List<Error>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            if (string.IsNullOrEmpty(p.ReviewerId) && p.WorksheetId is null)
                continue;
            var key = $"Pairs[{i}]";
            var reviewer = pool.Reviewers.FirstOrDefault(r => r.UserId == p.ReviewerId);
            var sheet = pool.Sheets.FirstOrDefault(s => s.Id == p.WorksheetId);
            if (reviewer is null || sheet is null)
            {
                errors.Add(new(key, $"Row {i + 1}: choose both a reviewer and a shared worksheet of this assignment."));
                continue;
            }
            if (sheet.Entry.Managers.Contains(reviewer.UserId))
                errors.Add(
                    new(
                        key,
                        $"Row {i + 1}: {reviewer.Name} manages {sheet.ProjectName}, so they cannot give peer "
                            + "feedback on its worksheet. Choose another reviewer or worksheet."
                    )
                );
            else if (!pool.Members.Contains((sheet.CohortId, reviewer.UserId)) && !sheet.Entry.Open)
                errors.Add(
                    new(
                        key,
                        $"Row {i + 1}: the managers of {sheet.ProjectName} did not agree to feedback from other "
                            + $"cohorts, and {reviewer.Name} is not in {sheet.CohortName}."
                    )
                );
            else
                reviews.Add(new PeerPairing.Review(i + 1, reviewer.UserId, sheet.Id));
        }
        if (errors.Count == 0 && reviews.Count == 0)
            errors.Add(new("Pairs", "Add at least one pair: a reviewer and the worksheet they give feedback on."));
        // One group per worksheet, numbered in the order the worksheets first appear.
        var order = reviews.Select(r => r.WorksheetId).Distinct().ToList();
        reviews = reviews
            .DistinctBy(r => (r.ReviewerId, r.WorksheetId))
            .Select(r => r with { Group = order.IndexOf(r.WorksheetId) + 1 })
            .ToList();
        return (reviews, errors);
    }

    /// <summary>Each reviewer becomes a named reviewer of the worksheet: they can open it and comment.</summary>
    private async Task NameReviewersAsync(List<PeerReview> rows, string by, DateTime now)
    {
        var sheets = rows.Select(r => r.WorksheetId).Distinct().ToList();
        var named = (
            await db
                .WorksheetReviewers.Where(r => sheets.Contains(r.WorksheetId))
                .Select(r => new { r.WorksheetId, r.UserId })
                .ToListAsync()
        )
            .Select(r => (r.WorksheetId, r.UserId))
            .ToHashSet();
        foreach (var r in rows.Where(r => named.Add((r.WorksheetId, r.ReviewerId))))
            db.WorksheetReviewers.Add(
                new WorksheetReviewer
                {
                    WorksheetId = r.WorksheetId,
                    UserId = r.ReviewerId,
                    RequestedById = by,
                    RequestedUtc = now,
                }
            );
    }
}
