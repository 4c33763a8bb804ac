using Kindling.Domain;

namespace Kindling.Data;

/// <summary>Where one peer-feedback request stands, worked out from the reviewer's comments on the worksheet.</summary>
public sealed record PeerReviewState(
    Guid ReviewId,
    Guid RoundId,
    string ReviewerId,
    Guid WorksheetId,
    DateTime RequestedUtc,
    int Comments,
    int OpenComments
)
{
    /// <summary>The reviewer commented on the worksheet since the request.</summary>
    public bool Given => Comments > 0;

    /// <summary>Given, and the worksheet's managers resolved every comment the reviewer made since the
    /// request.</summary>
    public bool Resolved => Comments > 0 && OpenComments == 0;
}

public static class PeerReviewQueries
{
    /// <summary>The one rule for "feedback given" and "resolved" (the round page, reminders and the overview ask
    /// it): a comment by the reviewer on the worksheet made at or after the request counts.</summary>
    public static IQueryable<PeerReviewState> PeerReviewStates(this KindlingDb db) =>
        db.PeerReviewStates(db.PeerReviews);

    /// <summary>The same rule for some requests (a round's, a reviewer's): a query cannot filter on the record's
    /// members once projected, so the requests are chosen first.</summary>
    public static IQueryable<PeerReviewState> PeerReviewStates(this KindlingDb db, IQueryable<PeerReview> reviews) =>
        reviews.Select(r => new PeerReviewState(
            r.Id,
            r.RoundId,
            r.ReviewerId,
            r.WorksheetId,
            r.RequestedUtc,
            db.WorksheetComments.Count(c =>
                c.WorksheetId == r.WorksheetId && c.AuthorId == r.ReviewerId && c.CreatedUtc >= r.RequestedUtc
            ),
            db.WorksheetComments.Count(c =>
                c.WorksheetId == r.WorksheetId
                && c.AuthorId == r.ReviewerId
                && c.CreatedUtc >= r.RequestedUtc
                && c.ResolvedUtc == null
            )
        ));
}
