namespace Kindling.Web.Features.Charter;

public static class CharterSetup
{
    public static void AddCharter(this IServiceCollection s)
    {
    }

    public static void MapCharterEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
