using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Cohorts;

public class EditModel(KindlingDb db) : CohortPageModel
{
    protected override bool FacilitatorsOnly => true;

    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public void OnGet()
    {
        var c = Access.Cohort;
        Input = new CohortInput
        {
            Name = c.Name,
            Description = c.Description,
            TimeZoneId = c.TimeZoneId,
            Guidelines = c.Guidelines,
            CodeOfConduct = c.CodeOfConduct,
            RequireTwoFactorForFacilitators = c.RequireTwoFactorForFacilitators,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.RequireTwoFactorForFacilitators && !Access.TwoFactorEnabled)
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(CohortInput.RequireTwoFactorForFacilitators)}",
                CohortInput.OwnTwoFactorFirst
            );
        if (!ModelState.IsValid)
            return Page();
        var c = Access.Cohort;
        c.Name = Input.Name.Trim();
        c.Description = Input.Description?.Trim() ?? "";
        c.TimeZoneId = TimeZones.Canonical(Input.TimeZoneId)!;
        // Acknowledgements stay as they are: members agreed to the cohort's guidelines, not to one wording of them.
        c.Guidelines = Input.Guidelines;
        c.CodeOfConduct = Input.CodeOfConduct;
        c.RequireTwoFactorForFacilitators = Input.RequireTwoFactorForFacilitators;
        await db.SaveChangesAsync();
        TempData["Flash"] = "Cohort saved.";
        return Redirect($"/cohorts/{CohortId}");
    }
}
