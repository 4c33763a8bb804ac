namespace Kindling.Tests.Architecture;

/// <summary>
/// Features depend on the kernel and on features below them, never on each other in a circle; the kernel and the
/// infrastructure depend on no feature. A cycle makes every change to one feature a change to the others.
/// </summary>
public class FeatureCycleTests
{
    private static readonly AreaGraph Graph = AreaGraph.Read(typeof(Program).Assembly.Location);

    [Fact]
    public void No_two_features_depend_on_each_other_even_through_others()
    {
        var cycles = Graph.Cycles();
        Assert.True(
            cycles.Count == 0,
            "Features depend on each other in a circle:\n" + string.Join("\n", cycles.Select(Describe))
        );
    }

    [Theory]
    [InlineData(AreaGraph.Kernel)]
    [InlineData(AreaGraph.Infrastructure)]
    public void The_shared_parts_use_no_feature(string area)
    {
        var uses = Graph.Edges.TryGetValue(area, out var targets)
            ? targets
                .Where(t => t.Key is not (AreaGraph.Kernel or AreaGraph.Infrastructure))
                .SelectMany(t => t.Value)
                .ToList()
            : [];
        Assert.True(uses.Count == 0, $"{area} uses features:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void The_graph_sees_uses_between_features_including_razor_views()
    {
        // Guards the reading itself: these uses exist, so a graph without them would pass the tests above vacuously.
        Assert.Contains("Kernel", Graph.Edges["Cohorts"].Keys);
        Assert.Contains(Graph.Edges.Values.SelectMany(e => e.Values).SelectMany(u => u), u => u.Contains(".Features_"));
    }

    private static string Describe(List<string> cycle) =>
        string.Join(" ⇄ ", cycle)
        + ":\n"
        + string.Join(
            "\n",
            cycle.SelectMany(a =>
                Graph.Edges.TryGetValue(a, out var t)
                    ? t.Where(e => cycle.Contains(e.Key)).Select(e => $"  {a} → {e.Key}: {e.Value.First()}")
                    : []
            )
        );
}
