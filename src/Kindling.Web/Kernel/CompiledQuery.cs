using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kindling.Web.Kernel;

/// <summary>
/// A query compiled once (<c>EF.CompileAsyncQuery</c>) for a query that runs on most requests, so EF Core skips
/// building, parameterising and looking up its expression tree each time. A compiled query binds to the model it first
/// ran with and one process can hold two (SQLite and PostgreSQL apps side by side in the tests), so there is one per
/// model.
/// </summary>
public sealed class CompiledQuery<T>(Func<T> compile)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _byModel = new();

    public T For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
