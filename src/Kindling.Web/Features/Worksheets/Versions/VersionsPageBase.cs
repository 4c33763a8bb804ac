namespace Kindling.Web.Features.Worksheets.Versions;

/// <summary>Version pages are for the project's managers only; everyone else gets 404.</summary>
public abstract class VersionsPageBase(WorksheetAccess access) : WorksheetPageBase(access)
{
    protected override bool Allows(WorksheetRights rights) => rights.CanEdit;
}
