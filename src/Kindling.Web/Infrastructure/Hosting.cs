namespace Kindling.Web.Infrastructure;

public static class HostingSetup
{
    /// <summary>
    /// Under systemd (deploy/systemd/kindling@.service, <c>Type=notify</c>) Kindling tells systemd it is ready only
    /// once the database is migrated and it listens, so <c>systemctl start</c> returns then and an upgrade can restart
    /// one instance after the other; its logs reach the journal with their levels. Anywhere else this changes nothing.
    /// </summary>
    public static void AddKindlingHosting(this WebApplicationBuilder builder) => builder.Services.AddSystemd();
}
