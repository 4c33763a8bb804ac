using System.Security.Cryptography;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

public class NewModel(KindlingDb db, UserManager<AppUser> users, LessonVersions versions, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    [BindProperty]
    public Guid CurriculumId { get; set; }
    public List<Curriculum> Curricula { get; private set; } = [];

    public async Task OnGetAsync(Guid? curriculum)
    {
        await LoadAsync();
        var chosen = Curricula.FirstOrDefault(c => c.Id == curriculum) ?? Curricula.FirstOrDefault();
        if (chosen is null)
            return;
        CurriculumId = chosen.Id;
        Input.Guidelines = chosen.GuidelinesMarkdown;
        Input.CodeOfConduct = chosen.CodeOfConductMarkdown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Curricula.All(c => c.Id != CurriculumId))
            ModelState.AddModelError(nameof(CurriculumId), "Pick a curriculum from the list.");
        if (Input.RequireTwoFactorForFacilitators && await users.GetUserAsync(User) is { TwoFactorEnabled: false })
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(CohortInput.RequireTwoFactorForFacilitators)}",
                CohortInput.OwnTwoFactorFirst
            );
        if (!ModelState.IsValid)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = CohortAccess.UserId(User)!;
        var cohort = new Cohort
        {
            Name = Input.Name.Trim(),
            Description = Input.Description?.Trim() ?? "",
            TimeZoneId = TimeZones.Canonical(Input.TimeZoneId)!,
            CurriculumId = CurriculumId,
            Guidelines = Input.Guidelines,
            CodeOfConduct = Input.CodeOfConduct,
            RequireTwoFactorForFacilitators = Input.RequireTwoFactorForFacilitators,
            CalendarToken = NewCalendarToken(),
            CreatedUtc = now,
            CreatedById = userId,
        };
        var creator = cohort.AddMember(userId, CohortRole.Facilitator, now);
        creator.AcknowledgedUtc = now; // the facilitator wrote the guidelines
        db.Cohorts.Add(cohort);
        await versions.PinAllAsync(cohort.Id, CurriculumId); // the cohort teaches today's lessons until moved on
        await db.SaveChangesAsync();
        TempData["Flash"] = "Cohort created. Next: schedule its sessions and invite people.";
        return Redirect($"/cohorts/{cohort.Id}");
    }

    public static string NewCalendarToken() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    private async Task LoadAsync() => Curricula = await db.Curricula.OrderBy(c => c.Title).ToListAsync();
}
