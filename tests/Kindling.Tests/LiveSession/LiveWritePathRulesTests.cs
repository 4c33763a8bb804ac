using System.Reflection;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.Tests.LiveSession;

/// <summary>
/// A live change must read and write through the transaction it is handed (LiveTx.Db): during a group commit that is
/// another request's context, and anything written elsewhere is not saved with it. So a class that commits through
/// LiveStore gets no other way to a context, and LiveStore offers none (docs/live-write-path.md).
/// </summary>
public class LiveWritePathRulesTests
{
    private static readonly Assembly Web = typeof(LiveStore).Assembly;

    /// <summary>Whatever hands out a database context: the context, a factory, or a way to resolve either.</summary>
    private static bool GivesAContext(Type t) =>
        typeof(DbContext).IsAssignableFrom(t)
        || t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IDbContextFactory<>)
        || typeof(IServiceProvider).IsAssignableFrom(t)
        || typeof(IServiceScopeFactory).IsAssignableFrom(t)
        || typeof(IServiceScope).IsAssignableFrom(t);

    private static IEnumerable<ConstructorInfo> Constructors(Type t) =>
        t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

    [Fact]
    public void ClassesThatCommitThroughLiveStore_TakeNoContextOfTheirOwn()
    {
        var committers = Web.GetTypes()
            .Where(t => Constructors(t).Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(LiveStore))))
            .ToList();
        var broken = committers
            .SelectMany(t =>
                Constructors(t)
                    .SelectMany(c => c.GetParameters())
                    .Where(p => GivesAContext(p.ParameterType))
                    .Select(p => $"{t.Name}({p.ParameterType.Name} {p.Name})")
            )
            .ToList();

        // The rule is only worth something while it looks at the command classes.
        Assert.Superset(
            new HashSet<Type>
            {
                typeof(ResponseCommands),
                typeof(FacilitatorCommands),
                typeof(QuestionCommands),
                typeof(BreakoutCommands),
                typeof(TimerCommands),
            },
            committers.ToHashSet()
        );
        Assert.True(
            broken.Count == 0,
            "A class that commits through LiveStore must write through the LiveTx its change is handed, not through "
                + "its own context: "
                + string.Join(", ", broken)
        );
    }

    [Fact]
    public void LiveStore_ExposesNoContext()
    {
        const BindingFlags everyPublic = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        static Type Unwrapped(Type t) =>
            t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>) ? t.GetGenericArguments()[0] : t;
        var t = typeof(LiveStore);
        var exposed = t.GetProperties(everyPublic)
            .Select(p => (p.Name, Type: p.PropertyType))
            .Concat(t.GetFields(everyPublic).Select(f => (f.Name, Type: f.FieldType)))
            .Concat(t.GetMethods(everyPublic).Select(m => (m.Name, Type: Unwrapped(m.ReturnType))))
            .Where(m => GivesAContext(m.Type))
            .Select(m => $"{m.Name}: {m.Type.Name}")
            .ToList();

        Assert.True(
            exposed.Count == 0,
            "LiveStore must not hand out a context; a change gets the transaction's as LiveTx.Db: "
                + string.Join(", ", exposed)
        );
    }
}
