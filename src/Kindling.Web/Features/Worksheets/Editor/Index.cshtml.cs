using Kindling.Data;
using Kindling.Web.Features.Cohorts;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>The worksheet page: managers edit (a plain form POST, so it works without JavaScript); reviewers and the
/// cohort (once shared) read.</summary>
public class WorksheetPageModel(KindlingDb db, WorksheetAccess access, SaveWorksheet saver) : WorksheetPageBase(access)
{
    public WorksheetData Data { get; private set; } = WorksheetData.Empty();
    public FormState Form { get; private set; } = new();
    public int BaseVersion { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public Dictionary<string, int> Extra { get; } = new(StringComparer.Ordinal);
    public ConflictView? Conflict { get; private set; }
    public string UpdatedByName { get; private set; } = "";
    public int OpenComments { get; private set; }

    /// <summary>The project's other worksheets, loaded only for an editor whose field types read them.</summary>
    public ProjectContext ProjectWorksheets { get; private set; } = ProjectContext.None;

    /// <summary>The project pages built from this worksheet's field types (an impact report, say).</summary>
    public IReadOnlyList<ProjectPage> ProjectPages =>
        Template.Fields.Select(f => FieldTypes.Of(f).Page).OfType<ProjectPage>().Distinct().ToList();

    public sealed record ConflictView(
        IReadOnlyList<string> Fields,
        WorksheetData Mine,
        WorksheetData Theirs,
        string SavedBy,
        DateTime SavedUtc
    );

    public async Task<IActionResult> OnGetAsync(string? add)
    {
        if (!await LoadPageAsync())
            return NotFound();
        Form = WorksheetForm.ToForm(Template, Data);
        var blanks = Template.Fields.SelectMany(f => FieldTypes.Of(f).Blanks(f, Form)).ToList();
        foreach (var b in blanks)
            Extra[b.Key] = b.Count;
        if (add is not null && add.StartsWith("f.", StringComparison.Ordinal))
            Extra[add] = Extra.GetValueOrDefault(add) + (blanks.FirstOrDefault(b => b.Key == add)?.PerAdd ?? 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadPageAsync() || !Rights.CanEdit)
            return NotFound();
        var userId = Access.Member.UserId;
        var form = FormState.From(Request.Form);
        var baseVersion = int.TryParse(Request.Form["baseVersion"], out var sent) ? sent : 0;
        var op = Request.Form["op"].ToString();
        await ApplyKeepTheirsAsync(form, baseVersion);

        var (mine, errors) = WorksheetForm.Read(Template, form, op);
        if (errors.Count > 0)
        {
            (Form, Errors, BaseVersion) = (form, errors, baseVersion);
            return Page();
        }
        var outcome = await saver.SaveAsync(
            WorksheetId,
            Template,
            baseVersion,
            mine,
            userId,
            HttpContext.RequestAborted
        );
        switch (outcome)
        {
            case SaveWorksheet.Conflict c:
                Form = WorksheetForm.ToForm(Template, c.Merged);
                foreach (var id in c.Fields)
                    Form.CopyField(id, form);
                BaseVersion = c.CurrentVersion;
                Conflict = new ConflictView(c.Fields, mine, c.Theirs, c.SavedBy, c.SavedUtc);
                return Page();
            case SaveWorksheet.Stale s:
                Form = form;
                BaseVersion = baseVersion;
                Errors =
                [
                    new FieldError(
                        "",
                        "",
                        $"This worksheet is now at version {s.CurrentVersion} and your edit could not be matched to "
                            + $"it. Copy anything you typed, then reload the page."
                    ),
                ];
                return Page();
            case SaveWorksheet.Saved saved:
                var merged = saved
                    .MergedFromOthers.Select(id => Template.Field(id)?.Label)
                    .Where(l => l is not null)
                    .ToList();
                TempData["Flash"] =
                    $"Saved as version {saved.Version}."
                    + (
                        merged.Count > 0
                            ? $" Changes someone else saved meanwhile were kept: {string.Join(", ", merged)}."
                            : ""
                    );
                break;
            case SaveWorksheet.Unchanged u:
                if (op.Length == 0 || op == "save")
                    TempData["Flash"] = $"Nothing to save: this is still version {u.Version}.";
                break;
        }
        return Redirect(AfterSaveUrl(op));
    }

    private string AfterSaveUrl(string op)
    {
        var url = $"/cohorts/{CohortId}/worksheets/{WorksheetId}";
        var parts = op.Split(':');
        if (parts is ["add", var key] && key.StartsWith("f.", StringComparison.Ordinal))
            return $"{url}?add={Uri.EscapeDataString(key)}#{FormState.IdOf(key)}-add";
        if (parts is [("up" or "down"), var rowKey, _])
            return $"{url}#{FormState.IdOf(FormState.Key(rowKey))}-rows";
        return url;
    }

    /// <summary>"Keep theirs" on a conflict: the field takes the value of the version the conflict was shown
    /// against.</summary>
    private async Task ApplyKeepTheirsAsync(FormState form, int baseVersion)
    {
        var keepTheirs = Request
            .Form.Keys.Where(k => k.StartsWith("resolve.", StringComparison.Ordinal) && Request.Form[k] == "theirs")
            .Select(k => k["resolve.".Length..])
            .Where(id => Template.Field(id) is not null)
            .ToList();
        if (keepTheirs.Count == 0)
            return;
        var json = await db
            .WorksheetVersions.AsNoTracking()
            .Where(v => v.WorksheetId == WorksheetId && v.Number == baseVersion)
            .Select(v => v.DataJson)
            .FirstOrDefaultAsync();
        if (json is null)
            return;
        var theirs = WorksheetForm.ToForm(Template, WorksheetData.Parse(json));
        foreach (var id in keepTheirs)
            form.CopyField(id, theirs);
    }

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync())
            return false;
        var rights = Rights;
        Data = WorksheetData.Parse(rights.Worksheet.DataJson);
        BaseVersion = rights.Worksheet.Version;
        UpdatedByName = FormerMember.Or(
            await db
                .Users.Where(u => u.Id == rights.Worksheet.UpdatedById)
                .Select(u => u.DisplayName)
                .FirstOrDefaultAsync()
        );
        if (rights.CanEdit && Template.Fields.Any(f => FieldTypes.Of(f).ReadsProject))
            ProjectWorksheets = ProjectContext.Of(
                await db
                    .Worksheets.AsNoTracking()
                    .Where(w => w.ProjectId == rights.Project.Id && w.Id != rights.Worksheet.Id)
                    .ToListAsync()
            );
        if (rights.CanComment)
            OpenComments = (await Sharing.OpenComments.CountAsync(db, [rights.Worksheet.Id])).GetValueOrDefault(
                rights.Worksheet.Id
            );
        return true;
    }

    /// <summary>What a field's editor partial needs; its picture shows the saved values (the stakeholder map's script
    /// moves points live until the next save).</summary>
    public FieldEditor EditorFor(TemplateField field) =>
        new(
            field,
            Form,
            Errors.Where(e => e.FieldId == field.Id).ToList(),
            Extra,
            FieldTypes.Of(field).Picture(field, Data) is { } picture ? SvgWriter.Write(picture) : null,
            ProjectWorksheets
        );

    public IReadOnlyList<string> LinesOf(TemplateField field, WorksheetData data) =>
        FieldTypes.Of(field).Lines(field, data);
}
