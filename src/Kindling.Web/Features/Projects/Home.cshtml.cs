using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Sharing;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Projects;

/// <summary>
/// A project's home. Its managers get everything: worksheets, "make a copy", co-managers and the review rhythm. A
/// cohort
/// member who may read some of its worksheets (shared with the cohort, or asked to review) sees those, read-only, so
/// the
/// worksheet page's breadcrumb never leads them to a dead end. Everyone else gets 404.
/// </summary>
public class HomeModel(KindlingDb db, WorksheetAccess access, TemplateCatalog templates, TimeProvider clock)
    : CohortPageModel
{
    public sealed record WorksheetRow(
        Guid Id,
        string Title,
        string TemplateSlug,
        int Version,
        DateTime UpdatedUtc,
        bool Shared,
        int OpenComments
    );

    public sealed record TemplateRow(string Slug, string Title, string LessonSlug, int Copies);

    public sealed record Candidate(string UserId, string Name);

    public Project Project { get; private set; } = null!;

    /// <summary>False for a member who only reads what the project shared with them.</summary>
    public bool Manages { get; private set; }
    public List<WorksheetRow> Worksheets { get; private set; } = [];
    public List<TemplateRow> Templates { get; private set; } = [];
    public List<Candidate> Candidates { get; private set; } = [];

    /// <summary>The project pages its readable worksheets make possible (an impact report, say).</summary>
    public List<ProjectPage> Pages { get; private set; } = [];
    public string Owner =>
        Project.Members.Where(m => m.Role == ProjectRole.Owner).Select(m => m.User?.DisplayName).FirstOrDefault()
        ?? FormerMember.Name; // the owner can't be removed; only deleting their account leaves none
    public bool ReviewDue => Project.ReviewDueUtc <= clock.GetUtcNow().UtcDateTime;

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public override async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    ) =>
        await base.OnPageHandlerExecutionAsync(
            context,
            async () =>
            {
                var id = Guid.TryParse(context.RouteData.Values["projectId"]?.ToString(), out var g) ? g : Guid.Empty;
                var project = await access.ManagedProjectAsync(Access, id);
                Manages = project is not null;
                if (
                    project is null
                    && HttpMethods.IsGet(context.HttpContext.Request.Method)
                    && await access.VisibleTo(Access).AnyAsync(w => w.ProjectId == id)
                )
                    project = await db
                        .Projects.Include(p => p.Members)
                            .ThenInclude(m => m.User)
                        .FirstAsync(p => p.Id == id);
                if (project is null)
                {
                    context.Result = NotFound();
                    return null!;
                }
                Project = project;
                return await next();
            }
        );

    public async Task OnGetAsync()
    {
        Input = new ProjectInput { Name = Project.Name, Description = Project.Description };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCopyAsync(string? template)
    {
        var parsed = string.IsNullOrEmpty(template)
            ? null
            : await templates.FindAsync(Access.Cohort.CurriculumId, template);
        if (parsed is null)
            return await ProblemAsync(
                "template",
                "That assignment template no longer exists in this cohort's curriculum. Pick one from the list."
            );
        var existing = await db.Worksheets.AsNoTracking().Where(w => w.ProjectId == Project.Id).ToListAsync();
        var (worksheet, first) = MakeCopy.Create(
            Project,
            parsed,
            Access.Member.UserId,
            clock.GetUtcNow().UtcDateTime,
            ProjectContext.Of(existing)
        );
        db.Worksheets.Add(worksheet);
        db.WorksheetVersions.Add(first);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"Your copy of “{worksheet.Title}” is ready. It is private to this project until you share it.";
        return Redirect($"/cohorts/{CohortId}/worksheets/{worksheet.Id}");
    }

    public async Task<IActionResult> OnPostDetailsAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        Project.Name = Input.Name.Trim();
        Project.Description = Input.Description?.Trim() ?? "";
        await db.SaveChangesAsync();
        TempData["Flash"] = "Project details saved.";
        return Redirect($"/cohorts/{CohortId}/projects/{Project.Id}");
    }

    public async Task<IActionResult> OnPostAddManagerAsync(string? userId)
    {
        var candidate = string.IsNullOrEmpty(userId)
            ? null
            : await db
                .CohortMembers.Include(m => m.User)
                .FirstOrDefaultAsync(m =>
                    m.CohortId == CohortId && m.UserId == userId && m.Role != CohortRole.Observer
                );
        if (candidate is null)
            return await ProblemAsync(
                "userId",
                "Choose a participant or facilitator of this cohort to add as a co-manager."
            );
        if (Project.Members.Any(m => m.UserId == candidate.UserId))
            return await ProblemAsync("userId", $"{candidate.User!.DisplayName} already manages this project.");
        Project.AddMember(candidate.UserId, ProjectRole.CoManager, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"{candidate.User!.DisplayName} now manages this project with you and can edit every worksheet.";
        return Redirect($"/cohorts/{CohortId}/projects/{Project.Id}");
    }

    public async Task<IActionResult> OnPostRemoveManagerAsync(string? userId)
    {
        var member = Project.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
            return NotFound();
        if (member.Role == ProjectRole.Owner)
            return await ProblemAsync("userId", "The person who started the project can't be removed from it.");
        db.ProjectMembers.Remove(member);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{member.User?.DisplayName ?? "The co-manager"} no longer manages this project.";
        return Redirect(
            member.UserId == Access.Member.UserId
                ? $"/cohorts/{CohortId}/projects"
                : $"/cohorts/{CohortId}/projects/{Project.Id}"
        );
    }

    public async Task<IActionResult> OnPostReviewAsync(int? months, bool reviewedNow)
    {
        if (months is not { } m || m < 1 || m > 36)
            return await ProblemAsync("months", "The review reminder must come every 1 to 36 months.");
        Project.ReviewIntervalMonths = m;
        if (reviewedNow)
            Project.LastReviewedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = reviewedNow
            ? $"Review noted. The next reminder comes in {m} months."
            : $"You'll be reminded to review every {m} months.";
        return Redirect($"/cohorts/{CohortId}/projects/{Project.Id}");
    }

    private async Task<IActionResult> ProblemAsync(string field, string message)
    {
        ModelState.Clear();
        ModelState.AddModelError(field, message);
        Input = new ProjectInput { Name = Project.Name, Description = Project.Description };
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var visible = await access
            .VisibleTo(Access)
            .Where(w => w.ProjectId == Project.Id)
            .OrderBy(w => w.CreatedUtc)
            .Select(w => new
            {
                Row = new WorksheetRow(w.Id, w.Title, w.TemplateSlug, w.Version, w.UpdatedUtc, w.SharedUtc != null, 0),
                w.TemplateJson,
            })
            .ToListAsync();
        Pages = visible.SelectMany(w => PagesOf(w.TemplateJson)).Distinct().ToList();
        var rows = visible.Select(w => w.Row).ToList();
        var open = Manages ? await OpenComments.CountAsync(db, rows.Select(r => r.Id).ToList()) : [];
        Worksheets = rows.Select(r => r with { OpenComments = open.GetValueOrDefault(r.Id) }).ToList();
        if (!Manages)
            return;
        Templates = (await templates.ForCurriculumAsync(Access.Cohort.CurriculumId))
            .Select(t => new TemplateRow(
                t.Template.Slug,
                t.Template.Title,
                t.Template.Lesson,
                Worksheets.Count(w => w.TemplateSlug == t.Template.Slug)
            ))
            .ToList();
        var managers = Project.Members.Select(m => m.UserId).ToList();
        Candidates = await db
            .CohortMembers.Where(m =>
                m.CohortId == CohortId && m.Role != CohortRole.Observer && !managers.Contains(m.UserId)
            )
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new Candidate(m.UserId, m.User!.DisplayName))
            .ToListAsync();
    }

    private static IEnumerable<ProjectPage> PagesOf(string templateJson)
    {
        try
        {
            var template = MakeCopy.TemplateOf(new Worksheet { TemplateJson = templateJson });
            return template.Fields.Select(f => FieldTypes.Of(f).Page).OfType<ProjectPage>().ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return []; // unreadable: it makes no page
        }
    }
}
