namespace Kindling.Web.Features.Charter;

/// <summary>What the charter partial shows. <see cref="CohortId"/> is set only for the project's managers: it turns on
/// links to the worksheets.</summary>
public sealed record CharterView(CharterDocument Document, string Stamp, Guid? CohortId);
