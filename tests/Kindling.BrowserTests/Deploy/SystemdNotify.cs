using System.Net.Sockets;
using System.Text;

namespace Kindling.BrowserTests.Deploy;

/// <summary>
/// Stands in for systemd's notification socket (<c>NOTIFY_SOCKET</c>): kindling@.service is <c>Type=notify</c>, so
/// systemd waits for the instance's <c>READY=1</c>, and an instance that never sends it fails to start there.
/// Microsoft.Extensions.Hosting.Systemd notifies only when the process's parent is named "systemd", so the instance is
/// started by a shell that gives itself that name (<see cref="Launcher"/>).
/// </summary>
public sealed class SystemdNotify : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _dir = Directory.CreateTempSubdirectory("kindling-systemd-").FullName;

    public string SocketPath { get; }

    /// <summary>What systemd sets for a unit's process: its invocation id, and where to send notifications.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["INVOCATION_ID"] = $"{Guid.NewGuid():N}", ["NOTIFY_SOCKET"] = SocketPath };

    /// <summary>Runs the command after it as the child of a process named systemd (the shell renames itself, then
    /// waits for the command rather than replacing itself with it).</summary>
    public static readonly IReadOnlyList<string> Launcher =
    [
        "bash",
        "-c",
        "printf systemd > /proc/$$/comm; \"$@\"; exit $?",
        "systemd",
    ];

    public SystemdNotify()
    {
        SocketPath = Path.Combine(_dir, "notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _ = ReceiveAsync();
    }

    /// <summary>Completes when the process has said READY=1.</summary>
    public Task Ready => _ready.Task;

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_ready.Task.IsCompleted)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (Encoding.UTF8.GetString(buffer, 0, n).Split('\n').Contains("READY=1"))
                    _ready.TrySetResult();
            }
        }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
    }

    public void Dispose()
    {
        _socket.Dispose();
        Directory.Delete(_dir, true);
    }
}
