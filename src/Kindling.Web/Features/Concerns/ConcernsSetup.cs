using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Features.Concerns;

public static class ConcernsSetup
{
    public static IServiceCollection AddConcerns(this IServiceCollection s)
    {
        s.AddOptions<ConcernOptions>()
            .BindConfiguration(ConcernOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        s.AddScoped<ConcernReaders>();
        s.AddScoped<ConcernNotices>();
        s.AddScoped<ConcernActions>();
        s.AddSingleton<IInterceptor, ConcernEventGuard>();
        s.AddSingleton<ConcernRetention>();
        s.AddHostedService(sp => sp.GetRequiredService<ConcernRetention>());
        return s;
    }
}
