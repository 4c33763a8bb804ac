using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Kindling.Tests.Architecture;

/// <summary>
/// Which area of Kindling.Web uses which, read from the compiled assembly (so Razor views count too): an area is a
/// feature folder (<c>Features/X</c> → "X"), "Kernel" or "Infrastructure". Each edge keeps one example use.
/// </summary>
public sealed class AreaGraph
{
    public const string Kernel = "Kernel";
    public const string Infrastructure = "Infrastructure";

    /// <summary>Edges: from area → to area → the uses behind it ("Type uses Type"), sorted.</summary>
    public Dictionary<string, Dictionary<string, SortedSet<string>>> Edges { get; } = [];

    public static AreaGraph Read(string assemblyPath)
    {
        var graph = new AreaGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = AreaOf(type);
            if (from is null)
                continue;
            foreach (var used in Uses(type))
            {
                var definition = used as TypeDefinition ?? (used.Scope == module ? used.Resolve() : null);
                if (definition is null || definition.Module != module)
                    continue;
                var to = AreaOf(definition);
                if (to is null || to == from)
                    continue;
                var targets = graph.Edges.TryGetValue(from, out var t) ? t : graph.Edges[from] = [];
                var uses = targets.TryGetValue(to, out var u)
                    ? u
                    : targets[to] = new SortedSet<string>(StringComparer.Ordinal);
                uses.Add($"{Outermost(type).FullName} uses {Outermost(definition).FullName}");
            }
        }
        return graph;
    }

    /// <summary>Null for the composition root (Program, the root namespace) and compiler-made helpers.</summary>
    public static string? AreaOf(TypeDefinition type)
    {
        var ns = Outermost(type).Namespace;
        if (ns == "AspNetCoreGeneratedDocument")
        {
            // A Razor view: Features_Cohorts_Details for /Features/Cohorts/Details.cshtml.
            var parts = Outermost(type).Name.Split('_');
            return parts is ["Features", { Length: > 0 } area, ..] ? area : null;
        }
        if (ns.StartsWith("Kindling.Web.Features.", StringComparison.Ordinal))
            return ns["Kindling.Web.Features.".Length..].Split('.')[0];
        if (ns == "Kindling.Web." + Kernel || ns.StartsWith("Kindling.Web." + Kernel + ".", StringComparison.Ordinal))
            return Kernel;
        if (ns == "Kindling.Web." + Infrastructure)
            return Infrastructure;
        return null;
    }

    private static TypeDefinition Outermost(TypeDefinition t)
    {
        while (t.DeclaringType is not null)
            t = t.DeclaringType;
        return t;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? r)
        {
            switch (r)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                        Add(a);
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(r);
                    return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
                Add(p.ParameterType);
            if (m is GenericInstanceMethod gm)
                foreach (var a in gm.GenericArguments)
                    Add(a);
        }
        void AddAttributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                AddMethod(a.Constructor);
                foreach (var arg in a.ConstructorArguments)
                    if (arg.Value is TypeReference t)
                        Add(t);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
            Add(i.InterfaceType);
        AddAttributes(type);
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            AddAttributes(f);
        }
        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            AddAttributes(p);
        }
        foreach (var m in type.Methods)
        {
            AddMethod(m);
            AddAttributes(m);
            if (!m.HasBody)
                continue;
            foreach (var v in m.Body.Variables)
                Add(v.VariableType);
            foreach (var ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference mr:
                        AddMethod(mr);
                        break;
                    case FieldReference fr:
                        Add(fr.DeclaringType);
                        Add(fr.FieldType);
                        break;
                }
            }
        }
        return found;
    }

    /// <summary>Groups of areas that depend on each other in a circle (strongly connected, more than one
    /// area).</summary>
    public List<List<string>> Cycles()
    {
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(v => v.Keys)).Distinct().Order().ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.TryGetValue(v, out var targets) ? targets.Keys.Order().ToList() : [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out var wIndex))
                    low[v] = Math.Min(low[v], wIndex);
            }
            if (low[v] != index[v])
                return;
            var group = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                group.Add(x);
            } while (x != v);
            if (group.Count > 1)
                result.Add([.. group.Order()]);
        }
        foreach (var n in nodes)
            if (!index.ContainsKey(n))
                Visit(n);
        return result;
    }
}
