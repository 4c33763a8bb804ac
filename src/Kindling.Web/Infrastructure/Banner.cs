using Kindling.Web.Features.Admin;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kindling.Web.Infrastructure;

public static class Banner
{
    /// <summary>Prints where Kindling listens and, until an admin exists, the one-time set-up link.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var listening = addresses?.FirstOrDefault()?.TrimEnd('/');
            var url = app.Services.GetRequiredService<PublicUrls>().Base;
            Console.WriteLine();
            Console.WriteLine(listening is null || listening == url ? $"Kindling is running at {url}/" : $"Kindling is running at {url}/ (listening on {listening})");
            var token = app.Services.GetRequiredService<FirstAdminSetup>().PendingToken;
            if (token is not null)
                Console.WriteLine($"Create the first admin account (one-time link): {url}/setup/{token}");
            Console.WriteLine();
        });
    }
}
