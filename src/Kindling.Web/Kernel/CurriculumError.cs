namespace Kindling.Web.Kernel;

/// <summary>What is wrong with a curriculum file (a lesson, curriculum.yml, an assignment template), where.</summary>
public sealed record CurriculumError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}, line {Line}: {Message}";
}
