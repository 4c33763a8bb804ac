using System.Reflection;
using Kindling.Web.Features.LiveSession;

namespace Kindling.Tests.Concerns;

/// <summary>
/// Concern reports never travel through the live session hub: it has no method for them, and nothing it takes or
/// answers holds a report or its trail. (Reports are read only on their pages, by their readers.)
/// </summary>
public class ConcernHubTests
{
    [Fact]
    public void SessionHub_ExposesNoConcernData()
    {
        var methods = typeof(SessionHub).GetMethods(
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly
        );
        Assert.NotEmpty(methods);
        Assert.DoesNotContain(methods, m => m.Name.Contains("Concern", StringComparison.OrdinalIgnoreCase));
        var seen = new HashSet<Type>();
        foreach (var m in methods)
        {
            Walk(m.ReturnType, seen);
            foreach (var p in m.GetParameters())
                Walk(p.ParameterType, seen);
        }
        Assert.Contains(seen, t => t.Name == "JoinResult"); // the walk reaches the hub's own contracts
        var concern = seen.Where(t =>
                t.Name.Contains("Concern", StringComparison.OrdinalIgnoreCase)
                || t.Namespace?.EndsWith(".Concerns", StringComparison.Ordinal) == true
            )
            .ToList();
        Assert.True(concern.Count == 0, "The hub carries: " + string.Join(", ", concern));
    }

    /// <summary>Every Kindling type reachable from <paramref name="t"/> through generic arguments, arrays and
    /// public properties.</summary>
    private static void Walk(Type t, HashSet<Type> seen)
    {
        if (t.IsArray || t.IsByRef)
        {
            Walk(t.GetElementType()!, seen);
            return;
        }
        foreach (var arg in t.IsGenericType ? t.GetGenericArguments() : [])
            Walk(arg, seen);
        if (t.Namespace?.StartsWith("Kindling", StringComparison.Ordinal) != true || !seen.Add(t))
            return;
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            Walk(p.PropertyType, seen);
    }
}
