using System.ComponentModel.DataAnnotations;
using Kindling.Domain;

namespace Kindling.Web.Features.Messages;

public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    StartTls,
    SslOnConnect,

    /// <summary>Plain text, only for a relay on the same machine.</summary>
    None,
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; unset, messages go to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>The <c>Mail</c> settings: where Kindling's e-mail goes and how hard it tries.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>False keeps every message in the outbox unsent (and the Outbox page says so).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The sender, e.g. <c>Kindling &lt;kindling@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Kindling <kindling@localhost>";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Without SMTP, each message is written here as an .eml file. Default: App_Data/mail.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often the sender looks for due messages when nothing wakes it (seconds).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>
    /// Attempts before a message is marked failed (back-off 1, 5, 15, 60 minutes, then every 4 hours).
    /// </summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public string PickupPath =>
        string.IsNullOrWhiteSpace(PickupDirectory)
            ? Path.Combine(Directory.GetCurrentDirectory(), "App_Data", "mail")
            : PickupDirectory;
}
