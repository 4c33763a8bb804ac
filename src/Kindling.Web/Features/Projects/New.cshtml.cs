using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Projects;

/// <summary>A participant (or facilitator) starts the project their worksheets will belong to; observers only
/// read.</summary>
public class NewModel(KindlingDb db, TimeProvider clock) : CohortPageModel
{
    protected override bool WritersOnly => true;

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            CohortId = CohortId,
            Name = Input.Name.Trim(),
            Description = Input.Description?.Trim() ?? "",
            CreatedUtc = now,
            CreatedById = Access.Member.UserId,
        };
        project.AddMember(Access.Member.UserId, ProjectRole.Owner, now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"Project “{project.Name}” created. Make a copy of an assignment to start its first worksheet.";
        return Redirect($"/cohorts/{CohortId}/projects/{project.Id}");
    }
}
