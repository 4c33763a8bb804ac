using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>Arranging a round, in two steps that work without JavaScript: choose the assignment (and whether to
/// include other cohorts), then how to pair and by when.</summary>
[EnableRateLimiting(RateLimits.Send)]
public class NewModel(KindlingDb db, ArrangeRound arrange, TimeProvider clock) : CohortPageModel
{
    public sealed record TemplateOption(string Slug, string Title, int Shared);

    protected override bool FacilitatorsOnly => true;

    [BindProperty]
    public RoundInput Input { get; set; } = new();
    public List<TemplateOption> Templates { get; private set; } = [];
    public PeerPool? Pool { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? template, bool across)
    {
        Input = new RoundInput { Template = template, Across = across };
        var next = await db
            .Sessions.Where(s => s.CohortId == CohortId && s.StartsUtc > clock.GetUtcNow().UtcDateTime)
            .OrderBy(s => s.StartsUtc)
            .Select(s => (DateTime?)s.StartsUtc)
            .FirstOrDefaultAsync();
        if (next is { } due)
        {
            var local = TimeZones.ToLocal(due, ViewerZone);
            (Input.DueDate, Input.DueTime) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        DateTime? dueUtc = null;
        if (Input.DueDate is { } date && Input.DueTime is { } time)
        {
            if (TimeZones.TryToUtc(date.ToDateTime(time), ViewerZone, out var utc))
                dueUtc = utc;
            else
                ModelState.AddModelError("Input.DueTime", "That time does not exist on that day (the clocks change).");
        }
        else if (Input.DueDate is not null || Input.DueTime is not null)
            ModelState.AddModelError("Input.DueDate", "Give both the date and the time feedback is due, or neither.");
        if (ModelState.IsValid)
        {
            var outcome = await arrange.CreateAsync(Access, Input, dueUtc, Random.Shared);
            if (outcome.Round is { } round)
            {
                TempData["Flash"] =
                    "Round arranged: every reviewer was sent a request."
                    + (
                        outcome.LeftOut.Count > 0
                            ? " Could not be paired (no one left to exchange with): "
                                + $"{string.Join(", ", outcome.LeftOut)}."
                            : ""
                    );
                return Redirect($"/cohorts/{CohortId}/peer-feedback/{round.Id}");
            }
            foreach (var e in outcome.Errors)
                ModelState.AddModelError($"Input.{e.Field}", e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var templates = await db
            .AssignmentTemplates.Where(t => t.CurriculumId == Access.Cohort.CurriculumId)
            .OrderBy(t => t.Slug)
            .Select(t => new { t.Slug, t.Title })
            .ToListAsync();
        var shared = await db
            .Worksheets.Where(w => w.CohortId == CohortId && w.SharedUtc != null)
            .GroupBy(w => w.TemplateSlug)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Templates = templates
            .Select(t => new TemplateOption(t.Slug, t.Title, shared.GetValueOrDefault(t.Slug)))
            .ToList();
        if (Templates.Any(t => t.Slug == Input.Template))
            Pool = await PeerPool.LoadAsync(db, Access.Cohort, Input.Template!, Input.Across, null);
        while (Input.Pairs.Count < Math.Max(4, Math.Min(RoundInput.PairRows, Pool?.Sheets.Count ?? 0)))
            Input.Pairs.Add(new PairInput());
    }
}
