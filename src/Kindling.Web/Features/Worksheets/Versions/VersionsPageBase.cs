using Kindling.Web.Features.Cohorts;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Worksheets.Versions;

/// <summary>Version pages are for the project's managers only; everyone else gets 404.</summary>
public abstract class VersionsPageBase(WorksheetAccess access) : CohortPageModel
{
    [FromRoute] public Guid WorksheetId { get; set; }
    public WorksheetRights Rights { get; private set; } = null!;
    public WorksheetTemplate Template { get; private set; } = null!;
    public string WorksheetUrl => $"/cohorts/{CohortId}/worksheets/{WorksheetId}";

    protected async Task<bool> LoadAsync()
    {
        var rights = await access.FindAsync(Access, WorksheetId);
        if (rights is null || !rights.CanEdit) return false;
        Rights = rights;
        Template = MakeCopy.TemplateOf(rights.Worksheet);
        return true;
    }
}
