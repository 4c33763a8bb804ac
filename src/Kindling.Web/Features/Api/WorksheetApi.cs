using System.Text.Json;
using Kindling.Data;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

public sealed record ProjectSummary(Guid Id, string Name, string Description, bool IManage, int Worksheets);

public sealed record WorksheetSummary(
    Guid Id,
    Guid ProjectId,
    string Project,
    string Title,
    string Template,
    int Version,
    DateTime UpdatedUtc,
    bool Shared
);

public sealed record FieldView(
    string Id,
    string Type,
    string Label,
    string Help,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Options,
    bool Multiple
);

public sealed record SectionOfFields(string Title, IReadOnlyList<FieldView> Fields);

/// <summary>A worksheet as you may see it. <see cref="Data"/> maps field ids to values in each field type's
/// shape.</summary>
public sealed record WorksheetView(
    Guid Id,
    Guid ProjectId,
    string Project,
    string Title,
    int Version,
    DateTime UpdatedUtc,
    bool Shared,
    bool CanEdit,
    IReadOnlyList<SectionOfFields> Sections,
    JsonElement Data
);

/// <summary>A save: the version the edit started from and the values of the fields it sets (others stay).</summary>
public sealed record WorksheetEdit(int BaseVersion, JsonElement Data);

public sealed record WorksheetSaved(int Version, IReadOnlyList<string> MergedFromOthers, bool Changed);

/// <summary>
/// Projects and worksheets through the API, by the worksheet privacy rule of the pages (<see cref="WorksheetAccess"/>):
/// a worksheet is seen by its project's managers and the reviewers they asked, and by the whole cohort once shared;
/// only managers save, with the editor's version check and field-by-field merge (<see cref="SaveWorksheet"/>).
/// </summary>
public static class WorksheetApi
{
    public static void MapWorksheetApi(this RouteGroupBuilder cohort)
    {
        cohort.MapGet("/projects", ListProjectsAsync).WithName("listProjects").WithSummary("The cohort's projects");
        cohort
            .MapGet("/projects/{projectId:guid}/worksheets", ListWorksheetsAsync)
            .WithName("listProjectWorksheets")
            .WithSummary("A project's worksheets that you may see");
        cohort
            .MapGet("/worksheets/{worksheetId:guid}", GetWorksheetAsync)
            .WithName("getWorksheet")
            .WithSummary("One worksheet: its fields and values");
        cohort
            .MapPut("/worksheets/{worksheetId:guid}", SaveWorksheetAsync)
            .WithName("saveWorksheet")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
                "Save a worksheet (project managers): edits made since baseVersion merge field by field; a field "
                    + "both changed is a 409 conflict and nothing is saved"
            );
    }

    private static async Task<Ok<List<ProjectSummary>>> ListProjectsAsync(
        CurrentCohort cohort,
        KindlingDb db,
        WorksheetAccess access
    )
    {
        var userId = cohort.Membership.Member.UserId;
        var visible = access.VisibleTo(cohort.Membership).Where(w => w.CohortId == cohort.CohortId);
        var rows = await db
            .Projects.AsNoTracking()
            .Where(p => p.CohortId == cohort.CohortId)
            .OrderBy(p => p.Name)
            .Select(p => new ProjectSummary(
                p.Id,
                p.Name,
                p.Description,
                p.Members.Any(m => m.UserId == userId),
                visible.Count(w => w.ProjectId == p.Id)
            ))
            .ToListAsync();
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<WorksheetSummary>>, ProblemHttpResult>> ListWorksheetsAsync(
        Guid projectId,
        CurrentCohort cohort,
        KindlingDb db,
        WorksheetAccess access
    )
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId && p.CohortId == cohort.CohortId))
            return ApiProblems.NotFound("This cohort has no project with this id.");
        var rows = await access
            .VisibleTo(cohort.Membership)
            .Where(w => w.ProjectId == projectId)
            .OrderBy(w => w.CreatedUtc)
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) =>
                    new WorksheetSummary(
                        w.Id,
                        p.Id,
                        p.Name,
                        w.Title,
                        w.TemplateSlug,
                        w.Version,
                        w.UpdatedUtc,
                        w.SharedUtc != null
                    )
            )
            .ToListAsync();
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<WorksheetView>, ProblemHttpResult>> GetWorksheetAsync(
        Guid worksheetId,
        CurrentCohort cohort,
        WorksheetAccess access
    )
    {
        if (await access.FindAsync(cohort.Membership, worksheetId) is not { } rights)
            return ApiProblems.NotFound("No worksheet you may see has this id.");
        return TypedResults.Ok(View(rights));
    }

    private static WorksheetView View(WorksheetRights rights)
    {
        var w = rights.Worksheet;
        var template = MakeCopy.TemplateOf(w);
        return new WorksheetView(
            w.Id,
            rights.Project.Id,
            rights.Project.Name,
            w.Title,
            w.Version,
            w.UpdatedUtc,
            rights.IsShared,
            rights.CanEdit,
            template
                .Sections.Select(s => new SectionOfFields(
                    s.Title,
                    s.Fields.Select(f => new FieldView(f.Id, f.Type, f.Label, f.Help, f.Columns, f.Options, f.Multiple))
                        .ToList()
                ))
                .ToList(),
            JsonDocument.Parse(w.DataJson).RootElement.Clone()
        );
    }

    private static async Task<Results<Ok<WorksheetSaved>, ProblemHttpResult, ValidationProblem>> SaveWorksheetAsync(
        Guid worksheetId,
        WorksheetEdit edit,
        CurrentCohort cohort,
        WorksheetAccess access,
        SaveWorksheet saver,
        HttpContext http
    )
    {
        if (await access.FindAsync(cohort.Membership, worksheetId) is not { } rights)
            return ApiProblems.NotFound("No worksheet you may see has this id.");
        if (!rights.CanEdit)
            return ApiProblems.Forbidden("Only the project's managers may edit this worksheet.");
        var template = MakeCopy.TemplateOf(rights.Worksheet);
        var (mine, problem) = WorksheetInput.Read(template, rights.Worksheet.DataJson, edit.Data);
        if (problem is not null)
            return problem;
        var outcome = await saver.SaveAsync(
            worksheetId,
            template,
            edit.BaseVersion,
            mine!,
            cohort.Membership.Member.UserId,
            http.RequestAborted
        );
        return outcome switch
        {
            SaveWorksheet.Saved s => TypedResults.Ok(new WorksheetSaved(s.Version, s.MergedFromOthers, true)),
            SaveWorksheet.Unchanged u => TypedResults.Ok(new WorksheetSaved(u.Version, [], false)),
            SaveWorksheet.Conflict c => ApiProblems.Conflict(
                $"{c.SavedBy} saved version {c.CurrentVersion} meanwhile and changed the same fields: "
                    + string.Join(", ", c.Fields.Select(id => $"{template.Field(id)?.Label} ({id})"))
                    + ". Nothing was saved; read the worksheet again, apply your edit and save with the new version."
            ),
            SaveWorksheet.Stale s => ApiProblems.Conflict(
                $"This worksheet is at version {s.CurrentVersion}; baseVersion must be a version it had. Read it "
                    + "again and save with that version."
            ),
            _ => ApiProblems.Status(StatusCodes.Status500InternalServerError, "The worksheet was not saved."),
        };
    }
}
