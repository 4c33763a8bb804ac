using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Worksheets;

/// <summary>
/// Base for pages under /cohorts/{c}/worksheets/{w}: loads the reader's rights through <see cref="WorksheetAccess"/>.
/// A page that refuses someone answers 404, so a private worksheet's existence does not leak.
/// </summary>
public abstract class WorksheetPageBase(WorksheetAccess access) : CohortPageModel
{
    [FromRoute]
    public Guid WorksheetId { get; set; }
    public WorksheetRights Rights { get; private set; } = null!;
    public WorksheetTemplate Template { get; private set; } = null!;
    public string WorksheetUrl => $"/cohorts/{CohortId}/worksheets/{WorksheetId}";

    /// <summary>Which readers the page is for (default: everyone who may see the worksheet).</summary>
    protected virtual bool Allows(WorksheetRights rights) => true;

    /// <summary>False when the worksheet is not this person's to see here: answer 404.</summary>
    protected async Task<bool> LoadAsync()
    {
        var rights = await access.FindAsync(Access, WorksheetId);
        if (rights is null || !Allows(rights))
            return false;
        Rights = rights;
        Template = MakeCopy.TemplateOf(rights.Worksheet);
        return true;
    }
}
