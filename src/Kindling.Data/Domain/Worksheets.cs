namespace Kindling.Domain;

/// <summary>A template for an assignment worksheet, stored as its source file (YAML); the parsed form is
/// derived.</summary>
public class AssignmentTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CurriculumId { get; set; }
    public string Slug { get; set; } = "";

    /// <summary>The lesson whose assignment this template is (lesson slug).</summary>
    public string LessonSlug { get; set; } = "";
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The file's text as last imported or shipped. A built-in template follows its file only when the file
    /// changes, so an edit made in the browser stays until then.</summary>
    public string FileSource { get; set; } = "";

    /// <summary>Who last edited the template in the browser, and when; null while it is as imported.</summary>
    public string? EditedById { get; set; }
    public DateTime? EditedUtc { get; set; }
}

public enum ProjectRole
{
    Owner = 0,
    CoManager = 1,
}

/// <summary>The community a participant builds; worksheets belong to it and every project member may edit
/// them.</summary>
public class Project
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CohortId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedById { get; set; } = "";

    /// <summary>How often the owners want to be reminded to review their worksheets; 6 by default.</summary>
    public int ReviewIntervalMonths { get; set; } = 6;

    /// <summary>When the owners last marked a review done (a labelled snapshot counts); null means "since
    /// creation".</summary>
    public DateTime? LastReviewedUtc { get; set; }

    /// <summary>Stable public address part of the published charter; kept when unpublished so republishing reuses
    /// it.</summary>
    public string? CharterSlug { get; set; }

    /// <summary>The compiled charter as published (JSON); null when not published. The public page shows only
    /// this.</summary>
    public string? PublishedCharterJson { get; set; }
    public DateTime? CharterPublishedUtc { get; set; }
    public List<ProjectMember> Members { get; set; } = [];

    public ProjectMember AddMember(string userId, ProjectRole role, DateTime nowUtc)
    {
        if (Members.Any(m => m.UserId == userId))
            throw new DomainException("This person already manages the project.");
        var member = new ProjectMember
        {
            ProjectId = Id,
            UserId = userId,
            Role = role,
            AddedUtc = nowUtc,
        };
        Members.Add(member);
        return member;
    }

    public DateTime ReviewDueUtc => (LastReviewedUtc ?? CreatedUtc).AddMonths(ReviewIntervalMonths);
}

public class ProjectMember
{
    public Guid ProjectId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public ProjectRole Role { get; set; }
    public DateTime AddedUtc { get; set; }
}

/// <summary>
/// One project's copy of an assignment template. The template is frozen into <see cref="TemplateJson"/> at copy time so
/// later curriculum edits never break a worksheet; <see cref="DataJson"/> holds the current values by field id.
/// </summary>
public class Worksheet
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProjectId { get; set; }
    public Guid CohortId { get; set; }
    public string TemplateSlug { get; set; } = "";
    public string LessonSlug { get; set; } = "";
    public string Title { get; set; } = "";
    public string TemplateJson { get; set; } = "{}";
    public string DataJson { get; set; } = "{}";

    /// <summary>Number of the latest saved version; a save must name the version it started from.</summary>
    public int Version { get; set; } = 1;
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedById { get; set; } = "";

    /// <summary>When the owners shared it with the cohort; null while private to the project.</summary>
    public DateTime? SharedUtc { get; set; }
}

/// <summary>Every save is kept. Number 1 is the fresh copy.</summary>
public class WorksheetVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorksheetId { get; set; }
    public int Number { get; set; }
    public string DataJson { get; set; } = "{}";
    public DateTime SavedUtc { get; set; }
    public string SavedById { get; set; } = "";

    /// <summary>An owner's name for a snapshot, e.g. "mid-year review".</summary>
    public string? Label { get; set; }

    /// <summary>Set when this version was made by restoring an older one.</summary>
    public int? RestoredFrom { get; set; }
}

/// <summary>A named cohort member the owners asked for feedback; they may read and comment even before it is
/// shared.</summary>
public class WorksheetReviewer
{
    public Guid WorksheetId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public DateTime RequestedUtc { get; set; }
    public string RequestedById { get; set; } = "";
}

public class WorksheetComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorksheetId { get; set; }

    /// <summary>The field commented on; null for the whole worksheet.</summary>
    public string? FieldId { get; set; }
    public string AuthorId { get; set; } = "";
    public AppUser? Author { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public string? ResolvedById { get; set; }
}
