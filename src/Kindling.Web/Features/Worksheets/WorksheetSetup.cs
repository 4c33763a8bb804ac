using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Worksheets;

public static class WorksheetSetup
{
    public static void AddWorksheets(this IServiceCollection s)
    {
        s.AddScoped<WorksheetAccess>();
        s.AddScoped<Templates.TemplateCatalog>();
        s.AddSingleton<Templates.ParsedTemplates>();
        s.AddParsedCache<Templates.ParsedTemplates>(Templates.ParsedTemplates.Limit);
        s.AddScoped<Editor.SaveWorksheet>();
    }
}
