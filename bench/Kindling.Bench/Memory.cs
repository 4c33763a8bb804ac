using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Kindling.Bench;

/// <summary>
/// The server's memory at the moments that matter: the fresh process before any sign-in, after an optional warm-up
/// (throwaway participants who sign in, join, post and leave: JIT, caches and pools the process fills once), after the
/// participants signed in, and at rest with N connected. Each is read at rest (<see cref="ProcStats.SettleAsync"/>).
/// KB per participant is reported from each baseline, so the process's own warm-up can be told from what a connection
/// costs.
/// </summary>
public sealed class Memory(AppUnderTest app, bool gcCounters)
{
    /// <summary>
    /// RSS and its three parts from /proc: anonymous (the GC's heap, native allocations, thread stacks), shared memory
    /// (the runtime's executable memory: JIT code, stubs and type data, which W^X keeps in a memfd) and mapped files
    /// (assemblies and native libraries); GC heap and committed bytes when dotnet-counters was asked for.
    /// </summary>
    public sealed record Reading(
        string Label,
        long RssBytes,
        long AnonBytes,
        long ShmemBytes,
        long FileBytes,
        long? GcHeapBytes,
        long? GcCommittedBytes
    );

    public Reading? Fresh { get; private set; }
    public Reading? Warmed { get; private set; }
    public Reading? SignedIn { get; private set; }
    public List<(int N, Reading At)> Connected { get; } = [];

    public async Task<Reading> FreshAsync() =>
        Fresh = await ReadAsync(
            app.Started ? "fresh process, before any sign-in" : "at the tool's start (a running instance)"
        );

    public async Task<Reading> WarmedAsync(int k) => Warmed = await ReadAsync($"after a warm-up of {k} participants");

    public async Task<Reading> SignedInAsync(int n) => SignedIn = await ReadAsync($"after {n} sign-ins");

    public async Task<Reading> ConnectedAsync(int n)
    {
        var r = await ReadAsync($"at rest, {n} connected");
        Connected.Add((n, r));
        return r;
    }

    private async Task<Reading> ReadAsync(string label)
    {
        var settled = await ProcStats.SettleAsync(app.Pids);
        var (heap, committed) = gcCounters ? await GcAsync() : (null, null);
        var r = new Reading(
            label,
            ProcStats.RssBytes(app.Pids),
            Status(app.Pids, "RssAnon:"),
            Status(app.Pids, "RssShmem:"),
            Status(app.Pids, "RssFile:"),
            heap,
            committed
        );
        Console.Error.WriteLine(
            $"  memory {label}: RSS {Mb(r.RssBytes)} MB (anonymous {Mb(r.AnonBytes)} MB, code and runtime data "
                + $"{Mb(r.ShmemBytes)} MB, files {Mb(r.FileBytes)} MB"
                + (heap is null ? "" : $", GC heap {Mb(heap.Value)} MB, GC committed {Mb(committed ?? 0)} MB")
                + $"), read after {settled.TotalSeconds:F1} s"
        );
        return r;
    }

    public void Print(bool markdown)
    {
        if (Fresh is null || Connected.Count == 0)
            return;
        Console.WriteLine();
        Console.WriteLine("Server memory (RSS, whole process; every reading at rest):");
        foreach (var r in new[] { Fresh, Warmed, SignedIn }.OfType<Reading>().Concat(Connected.Select(c => c.At)))
            Console.WriteLine(
                $"  {r.Label, -40} {Mb(r.RssBytes), 6} MB  anonymous {Mb(r.AnonBytes), 6}  code/runtime "
                    + $"{Mb(r.ShmemBytes), 6}  files {Mb(r.FileBytes), 6}"
                    + (r.GcHeapBytes is null ? "" : $"  GC heap {Mb(r.GcHeapBytes.Value), 6} MB")
                    + (r.GcCommittedBytes is null ? "" : $"  GC committed {Mb(r.GcCommittedBytes.Value), 6} MB")
            );
        foreach (var (n, at) in Connected)
            Console.WriteLine(
                $"  KB per participant at N={n}: {Per(at, Fresh, n)} from the "
                    + (app.Started ? "fresh process, " : "tool's start, ")
                    + (Warmed is null ? "" : $"{Per(at, Warmed, n)} from after the warm-up, ")
                    + (SignedIn is null ? "" : $"{Per(at, SignedIn, n)} from after sign-in")
            );
        if (!markdown)
            return;
        Console.WriteLine();
        Console.WriteLine(
            "| N | RSS fresh | after warm-up | after sign-in | at rest, N connected | KB/participant from fresh | "
                + "from warm-up | from sign-in |"
        );
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (n, at) in Connected)
            Console.WriteLine(
                $"| {n} | {Mb(Fresh.RssBytes)} MB | {(Warmed is null ? "—" : Mb(Warmed.RssBytes) + " MB")} | "
                    + $"{(SignedIn is null ? "—" : Mb(SignedIn.RssBytes) + " MB")} | {Mb(at.RssBytes)} MB | "
                    + $"{Per(at, Fresh, n)} | {(Warmed is null ? "—" : Per(at, Warmed, n))} | "
                    + $"{(SignedIn is null ? "—" : Per(at, SignedIn, n))} |"
            );
    }

    private static string Per(Reading at, Reading from, int n) =>
        ((at.RssBytes - from.RssBytes) / 1024.0 / n).ToString("F1", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>A line of /proc/PID/status in bytes (RssAnon, RssShmem, RssFile), summed over the processes.</summary>
    private static long Status(IReadOnlyList<int> pids, string key)
    {
        long sum = 0;
        foreach (var pid in pids)
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                    if (line.StartsWith(key, StringComparison.Ordinal))
                        sum +=
                            long.Parse(
                                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                                CultureInfo.InvariantCulture
                            ) * 1024;
            }
            catch (IOException) { }
        return sum;
    }

    /// <summary>
    /// The runtime's own figures, summed over the server processes: the GC heap after the last collection and the
    /// memory the GC has committed, from <c>dotnet-counters collect</c> (a global dotnet tool; null when it is not
    /// installed or fails).
    /// </summary>
    private async Task<(long?, long?)> GcAsync()
    {
        long heap = 0,
            committed = 0;
        foreach (var pid in app.Pids)
        {
            var file = Path.Combine(Path.GetTempPath(), $"kindling-bench-counters-{pid}-{Guid.NewGuid():N}.json");
            var tool = Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".dotnet",
                "tools",
                "dotnet-counters"
            );
            var psi = new ProcessStartInfo(
                File.Exists(tool) ? tool : "dotnet-counters",
                [
                    "collect",
                    "-p",
                    pid.ToString(CultureInfo.InvariantCulture),
                    "--counters",
                    "System.Runtime",
                    "--refresh-interval",
                    "1",
                    "--duration",
                    "00:00:00:03",
                    "--format",
                    "json",
                    "-o",
                    file,
                ]
            )
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var p = Process.Start(psi)!;
                await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var (h, c) = ParseCounters(await File.ReadAllTextAsync(file));
                heap += h;
                committed += c;
            }
            catch (Exception e)
                when (e is IOException or TimeoutException or JsonException or InvalidOperationException)
            {
                Console.Error.WriteLine($"  dotnet-counters gave nothing for pid {pid}: {e.Message}");
                return (null, null);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("  dotnet-counters is not installed (dotnet tool install -g dotnet-counters).");
                return (null, null);
            }
            finally
            {
                File.Delete(file);
            }
        }
        return (heap, committed);
    }

    /// <summary>The last values of the heap size (all generations) and committed size in a dotnet-counters JSON
    /// file ({ "Events": [ { "name": …, "tags": …, "value": … }, … ] }).</summary>
    internal static (long Heap, long Committed) ParseCounters(string json)
    {
        json = json.TrimEnd();
        if (!json.EndsWith('}'))
            json = json.TrimEnd(',') + "]}"; // a file cut short leaves the closing brackets off
        using var doc = JsonDocument.Parse(json);
        var heapByGen = new Dictionary<string, long>();
        long committed = 0;
        foreach (var e in doc.RootElement.GetProperty("Events").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? "";
            var value = (long)e.GetProperty("value").GetDouble();
            var tags = e.TryGetProperty("tags", out var tg) ? tg.GetString() ?? "" : "";
            if (name.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal))
                heapByGen[tags] = value;
            else if (name.StartsWith("dotnet.gc.last_collection.memory.committed_size", StringComparison.Ordinal))
                committed = value;
        }
        return (heapByGen.Values.Sum(), committed);
    }
}
