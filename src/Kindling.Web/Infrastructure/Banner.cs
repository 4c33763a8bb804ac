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
            var url = addresses?.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine($"Kindling is running at {url}/");
            var token = app.Services.GetRequiredService<FirstAdminSetup>().PendingToken;
            if (token is not null)
                Console.WriteLine($"Create the first admin account (one-time link): {url}/setup/{token}");
            Console.WriteLine();
        });
    }
}
