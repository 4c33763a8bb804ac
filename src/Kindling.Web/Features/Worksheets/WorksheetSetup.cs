namespace Kindling.Web.Features.Worksheets;

public static class WorksheetSetup
{
    public static void AddWorksheets(this IServiceCollection s)
    {
        s.AddScoped<WorksheetAccess>();
        s.AddScoped<Editor.SaveWorksheet>();
    }
}
