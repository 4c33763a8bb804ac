using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Curricula;

/// <summary>Loads the built-in curricula at start-up, before anything else that needs them (after <see
/// cref="LessonVersionBackfill"/>).</summary>
public sealed class CurriculumStartup(BuiltInCurriculumLoader loader) : IStartupTask
{
    public Task RunAsync() => loader.LoadAsync();
}
