using Kindling.Domain;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// What a feature wants to tell someone: an in-app notification and an e-mail are both made from it.
/// </summary>
/// <param name="Link">Site-relative address of the thing itself ("/cohorts/…"); e-mails make it absolute.</param>
/// <param name="LinkLabel">The words of the e-mail's button, e.g. "Open the report".</param>
public sealed record Message(MessageKind Kind, string Subject, string Link, string LinkLabel)
{
    /// <summary>The e-mail's body as plain-text paragraphs (escaped in the HTML part).</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>One line for the in-app list; the first paragraph when unset.</summary>
    public string? Summary { get; init; }
    public Guid? CohortId { get; init; }

    /// <summary>Named in the subject and footer so people know which cohort wrote to them.</summary>
    public string? CohortName { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
