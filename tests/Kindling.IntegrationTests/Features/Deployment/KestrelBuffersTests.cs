using System.Net;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// Kestrel takes its buffers from Kindling's trimmable pools (registered by the same call Program.cs makes), so the
/// idle-memory job can give them back after a burst; with the job turned off, Kestrel keeps its own pool.
/// </summary>
public class KestrelBuffersTests
{
    private static async Task<WebApplication> StartAsync(bool giveBack)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Memory:GiveBackWhenIdle"] = giveBack ? "true" : "false";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddKindlingIdleMemory();
        var app = builder.Build();
        app.MapGet("/", () => new string('x', 20_000)); // a response that needs several blocks
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app
            .Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();

    [Fact]
    public async Task Kestrel_BuffersComeFromTheTrimmablePools_AndATrimEmptiesThem()
    {
        await using var app = await StartAsync(giveBack: true);
        var pools = app.Services.GetRequiredService<TrimmableBlockPools>();
        Assert.Equal(0, pools.IdleBlocks);
        using (var http = new HttpClient())
        {
            var response = await http.GetAsync(Address(app));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(20_000, (await response.Content.ReadAsStringAsync()).Length);
        }
        // The response's blocks go back to the pool once sent, and the connection's own when the client closes it;
        // wait until no more come back, or a late one would land between counting and trimming.
        var idle = await SettledIdleBlocksAsync(pools);
        Assert.True(idle > 0, "Kestrel returned no block to Kindling's pools: it is not using them.");
        Assert.Equal(idle, pools.Trim());
        Assert.Equal(0, pools.IdleBlocks);
    }

    private static async Task<int> SettledIdleBlocksAsync(TrimmableBlockPools pools)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var last = -1;
        var sameSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            var now = pools.IdleBlocks;
            if (now != last)
                (last, sameSince) = (now, DateTime.UtcNow);
            else if (now > 0 && DateTime.UtcNow - sameSince > TimeSpan.FromMilliseconds(300))
                break;
            await Task.Delay(20);
        }
        return last;
    }

    [Fact]
    public async Task TurnedOff_KestrelKeepsItsOwnPool()
    {
        await using var app = await StartAsync(giveBack: false);
        Assert.Null(app.Services.GetService<TrimmableBlockPools>());
        using var http = new HttpClient();
        var response = await http.GetAsync(Address(app));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
