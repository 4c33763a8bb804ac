using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>"Tell a facilitator privately": any member of the cohort, observers too, raises a concern.</summary>
[EnableRateLimiting(RateLimits.Send)]
public class NewModel(KindlingDb db, ConcernReaders readers, ConcernActions actions) : CohortPageModel
{
    public const string Named = "named",
        Anonymous = "anonymous";
    public const string ToFacilitators = "facilitators",
        ToOne = "one",
        ToSafety = "safety";

    /// <summary>The receipt token, handed to the "filed" page once through TempData (never stored on the
    /// server).</summary>
    public const string ReceiptKey = "concern.receipt";

    public sealed class FormInput
    {
        public string? What { get; set; }
        public string? SessionId { get; set; }
        public string? PeopleInvolved { get; set; }
        public string? Identity { get; set; } = Named;
        public string? Audience { get; set; } = ToFacilitators;
        public string? FacilitatorId { get; set; }
    }

    public sealed record Option(string Value, string Label);

    [BindProperty]
    public FormInput Input { get; set; } = new();
    public List<Option> Sessions { get; private set; } = [];
    public List<Option> Facilitators { get; private set; } = [];
    public bool HasSafetyContacts { get; private set; }

    public async Task OnGetAsync(string? session)
    {
        await LoadAsync();
        if (Sessions.Any(s => s.Value == session))
            Input.SessionId = session;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var draft = Validate();
        if (draft is null)
            return Page();
        var me = Access.Member.UserId;
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstAsync();
        var (_, token) = await actions.FileAsync(draft, new ConcernActor(me, name), Access.Cohort.Name);
        TempData[ReceiptKey] = token;
        return Redirect($"/cohorts/{CohortId}/concerns/filed");
    }

    private ConcernDraft? Validate()
    {
        var what = ConcernText.Problem(Input.What, "What happened", ConcernText.MaxLength, "Write what happened.");
        if (what is not null)
            ModelState.AddModelError("Input.What", what);
        var people = ConcernText.Problem(Input.PeopleInvolved, "People involved", ConcernText.MaxPeopleLength, null);
        if (people is not null)
            ModelState.AddModelError("Input.PeopleInvolved", people);
        Guid? session = null;
        if (!string.IsNullOrEmpty(Input.SessionId))
        {
            if (Sessions.Any(s => s.Value == Input.SessionId))
                session = Guid.Parse(Input.SessionId);
            else
                ModelState.AddModelError("Input.SessionId", "Choose one of this cohort's sessions, or none.");
        }
        if (Input.Identity is not (Named or Anonymous))
            ModelState.AddModelError("Input.Identity", "Choose whether to give your name or stay anonymous.");
        ConcernAudience? audience = Input.Audience switch
        {
            ToFacilitators => ConcernAudience.Facilitators,
            ToOne => ConcernAudience.OneFacilitator,
            ToSafety => ConcernAudience.SafetyContacts,
            _ => null,
        };
        if (audience is null)
            ModelState.AddModelError("Input.Audience", "Choose who should read your report.");
        if (audience == ConcernAudience.OneFacilitator && Facilitators.All(f => f.Value != Input.FacilitatorId))
            ModelState.AddModelError("Input.FacilitatorId", "Choose the facilitator who should read your report.");
        if (audience == ConcernAudience.SafetyContacts && !HasSafetyContacts)
            ModelState.AddModelError(
                "Input.Audience",
                "This Kindling has no safety contacts yet. Send your report to the cohort's facilitators or to one "
                    + "of them."
            );
        if (!ModelState.IsValid)
            return null;
        return new ConcernDraft(
            CohortId,
            session,
            Input.What!.Trim(),
            ConcernText.Clean(Input.PeopleInvolved),
            Input.Identity == Anonymous,
            audience!.Value,
            audience == ConcernAudience.OneFacilitator ? Input.FacilitatorId : null
        );
    }

    private async Task LoadAsync()
    {
        ViewData["ConcernLink"] = false;
        var sessions = await db
            .Sessions.Where(s => s.CohortId == CohortId)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new
            {
                s.Id,
                s.Lesson!.Title,
                s.StartsUtc,
            })
            .ToListAsync();
        Sessions = sessions
            .Select(s => new Option(s.Id.ToString(), $"{s.Title} ({TimeZones.Format(s.StartsUtc, ViewerZone)})"))
            .ToList();
        var me = Access.Member.UserId;
        Facilitators = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.CohortId == CohortId && m.Role == CohortRole.Facilitator && m.UserId != me)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new Option(m.UserId, m.User!.DisplayName))
            .ToListAsync();
        HasSafetyContacts = await readers.AnySafetyContactsAsync();
    }
}
