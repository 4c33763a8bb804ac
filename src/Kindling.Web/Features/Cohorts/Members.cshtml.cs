using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

public class MembersModel(KindlingDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILiveRooms live)
    : CohortPageModel
{
    public sealed record MemberRow(
        string UserId,
        string Name,
        string? Pronouns,
        CohortRole Role,
        DateTime JoinedUtc,
        DateTime? AcknowledgedUtc
    );

    protected override bool FacilitatorsOnly => true;
    public List<MemberRow> Members { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostRoleAsync(string? userId, string? role)
    {
        var member = await FindMemberAsync(userId);
        if (member is null)
            return NotFound();
        if (!CohortRoles.TryParse(role, out var newRole))
            return await ProblemAsync("Role", CohortRoles.ChooseRoleMessage);
        if (member.Role == newRole)
        {
            TempData["Flash"] = "The role was already " + CohortRoles.Value(newRole) + "; nothing changed.";
            return Redirect($"/cohorts/{CohortId}/members");
        }
        if (member.Role == CohortRole.Facilitator && await IsLastFacilitatorAsync())
            return await ProblemAsync(
                "Role",
                "A cohort needs at least one facilitator. Make someone else a facilitator first, then change this role."
            );
        member.Role = newRole;
        await db.SaveChangesAsync();
        var name = await AfterChangeAsync(member.UserId);
        TempData["Flash"] = $"{name} is now {CohortRoles.Value(newRole)}.";
        return Redirect(
            member.UserId == Access.Member.UserId ? $"/cohorts/{CohortId}" : $"/cohorts/{CohortId}/members"
        );
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? userId)
    {
        var member = await FindMemberAsync(userId);
        if (member is null)
            return NotFound();
        if (member.Role == CohortRole.Facilitator && await IsLastFacilitatorAsync())
            return await ProblemAsync(
                "Remove",
                "The last facilitator can't be removed. Make someone else a facilitator first."
            );
        db.CohortMembers.Remove(member);
        await db.SaveChangesAsync();
        await live.EvictAsync(CohortId, member.UserId); // their open live rooms stop receiving changes now
        var name = await AfterChangeAsync(member.UserId);
        TempData["Flash"] = $"{name} was removed from the cohort.";
        return Redirect(member.UserId == Access.Member.UserId ? "/" : $"/cohorts/{CohortId}/members");
    }

    private async Task<CohortMember?> FindMemberAsync(string? userId) =>
        string.IsNullOrEmpty(userId)
            ? null
            : await db.CohortMembers.FirstOrDefaultAsync(m => m.CohortId == CohortId && m.UserId == userId);

    private async Task<bool> IsLastFacilitatorAsync() =>
        await db.CohortMembers.CountAsync(m => m.CohortId == CohortId && m.Role == CohortRole.Facilitator) <= 1;

    /// <summary>A new security stamp makes the person's other cookies re-validate; our own cookie is re-issued so we
    /// stay signed in.</summary>
    private async Task<string> AfterChangeAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return "The member";
        await users.UpdateSecurityStampAsync(user);
        if (user.Id == Access.Member.UserId)
            await signIn.RefreshSignInAsync(user);
        return user.DisplayName;
    }

    private async Task<IActionResult> ProblemAsync(string field, string message)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Members = await db
            .CohortMembers.Where(m => m.CohortId == CohortId)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(
                m.UserId,
                m.User!.DisplayName,
                m.User.Pronouns,
                m.Role,
                m.JoinedUtc,
                m.AcknowledgedUtc
            ))
            .ToListAsync();
}
