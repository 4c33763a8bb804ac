namespace Kindling.Domain;

public class Curriculum
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Attribution { get; set; } = "";
    public int Version { get; set; } = 1;
    public bool IsBuiltIn { get; set; }
    public string GuidelinesMarkdown { get; set; } = "";
    public string CodeOfConductMarkdown { get; set; } = "";
    public DateTime ImportedUtc { get; set; }
    public List<Lesson> Lessons { get; set; } = [];
}

/// <summary>A lesson is stored as its whole source file (front matter + Markdown); the parsed form is
/// derived.</summary>
public class Lesson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CurriculumId { get; set; }
    public string Slug { get; set; } = "";
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string Status { get; set; } = "ready";
    public string FileName { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// What the built-in curriculum folder held when its files were last brought into this database: a start that finds
/// the same fingerprint skips reading and comparing them.
/// </summary>
public class BuiltInCurriculumSync
{
    /// <summary>The folder's full path: tests and other installations load other folders into the same
    /// database.</summary>
    public string Root { get; set; } = "";

    /// <summary>SHA-256 of every file's path (relative to the folder) and contents, hex.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTime SyncedUtc { get; set; }
}
