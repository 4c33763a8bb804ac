using System.Globalization;
using Kindling.Domain;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// With no SMTP server set, each message becomes an .eml file in the pickup folder (any mail program opens it), so a
/// first run works and shows what would have been sent. The name depends only on the message, so sending it twice
/// leaves one file.
/// </summary>
public sealed class PickupTransport(IOptions<MailOptions> options) : IMailTransport, IMailConversation
{
    public string Folder => options.Value.PickupPath;

    public string Describe() => $"no SMTP server set; messages are written as .eml files to {Folder}";

    public Task<IMailConversation> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailConversation>(this);
    }

    public static string FileName(Guid id, DateTime createdUtc) =>
        createdUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + id.ToString("N") + ".eml";

    public async Task<SendOutcome> SendAsync(Guid id, DateTime createdUtc, byte[] mime, CancellationToken ct)
    {
        var path = Path.Combine(Folder, FileName(id, createdUtc));
        var temp = path + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, mime, ct);
            File.Move(temp, path, overwrite: true);
            return new SendOutcome(SendResult.Sent);
        }
        catch (IOException e)
        {
            return new SendOutcome(SendResult.Retry, $"Could not write to the pickup folder: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new SendOutcome(SendResult.Retry, $"Could not write to the pickup folder: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
