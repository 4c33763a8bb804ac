using Kindling.Domain;

namespace Kindling.Web.Features.FollowUp;

/// <summary>The recording and slides links a facilitator adds after the call: full web addresses, or nothing.</summary>
public static class WrapUpLinks
{
    public const int MaxLength = 500;

    /// <summary>The link as stored (trimmed; null when empty), or why it cannot be.</summary>
    public static (string? Url, string? Error) Read(string? input, string what)
    {
        var url = input?.Trim();
        if (string.IsNullOrEmpty(url))
            return (null, null);
        if (url.Length > MaxLength)
            return (null, $"The {what} link is {url.Length} characters long; use at most {MaxLength}.");
        return
            Uri.TryCreate(url, UriKind.Absolute, out var u)
            && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(u.Host)
            ? (url, null)
            : (null, $"The {what} link must be a full web address starting with https:// (or http://).");
    }

    /// <summary>
    /// Only the presentation of a session announced as "may be recorded" can have a recording: the discussion is
    /// never recorded, and people were told nothing would be when the session said so.
    /// </summary>
    public static string? RecordingRefusal(RecordingPolicy policy, string? url) =>
        url is not null && policy != RecordingPolicy.PresentationMayBeRecorded
            ? "This session was announced as not recorded, so it cannot have a recording link. Share slides instead, "
                + "or change the session's recording setting first if people were told otherwise."
            : null;
}
