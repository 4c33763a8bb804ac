using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Cohorts;

public class WelcomeModel(KindlingDb db, TimeProvider clock) : CohortPageModel
{
    protected override bool SkipsAcknowledgement => true;

    [BindProperty]
    public bool Agree { get; set; }
    public string GuidelinesHtml { get; private set; } = "";
    public string CodeOfConductHtml { get; private set; } = "";

    public void OnGet() => Render();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Agree)
        {
            ModelState.AddModelError(
                nameof(Agree),
                "Tick the box to confirm you have read the guidelines and the code of conduct."
            );
            Render();
            return Page();
        }
        Access.Member.AcknowledgedUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Welcome to {Access.Cohort.Name}!";
        return Redirect($"/cohorts/{CohortId}");
    }

    private void Render()
    {
        GuidelinesHtml = MarkdownRenderer.ToSafeHtml(Access.Cohort.Guidelines);
        CodeOfConductHtml = MarkdownRenderer.ToSafeHtml(Access.Cohort.CodeOfConduct);
    }
}
