using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>
/// Runs PostgreSQL's own client tools (<c>pg_dump</c>, <c>pg_restore</c>) on the database Kindling's connection string
/// names. The connection goes to them through libpq's environment variables (PGHOST, PGPASSWORD, …), never on the
/// command line, where any account on the machine could read the password in the process list.
/// </summary>
internal static class PgTools
{
    /// <summary>Variables that would point the tools elsewhere than the connection string does.</summary>
    private static readonly string[] Cleared =
    [
        "PGHOST",
        "PGHOSTADDR",
        "PGPORT",
        "PGDATABASE",
        "PGSERVICE",
        "PGSERVICEFILE",
        "PGOPTIONS",
        "PGTARGETSESSIONATTRS",
    ];

    /// <param name="onLine">Given: standard output goes to it line by line (a dump's data can be large) and Output is
    /// empty.</param>
    public static async Task<(int Code, string Output, string Errors)> RunAsync(
        string tool,
        NpgsqlConnectionStringBuilder connection,
        IEnumerable<string> args,
        Action<string>? onLine = null
    )
    {
        var psi = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        foreach (var name in Cleared)
            psi.Environment.Remove(name);
        foreach (var (name, value) in Environment(connection))
            psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = onLine is null ? await process.StandardOutput.ReadToEndAsync() : "";
        if (onLine is not null)
            while (await process.StandardOutput.ReadLineAsync() is { } line)
                onLine(line);
        await process.WaitForExitAsync();
        return (process.ExitCode, output, (await errors).Trim());
    }

    /// <summary>libpq's environment for a Npgsql connection string.</summary>
    public static Dictionary<string, string?> Environment(NpgsqlConnectionStringBuilder cs)
    {
        // Npgsql writes a port per host ("a:5433,b"); libpq wants the hosts and the ports as two lists.
        var hosts = (cs.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries);
        var split = hosts.Select(h => SplitPort(h, cs.Port)).ToList();
        var env = new Dictionary<string, string?>
        {
            ["PGHOST"] = string.Join(',', split.Select(s => s.Host)),
            ["PGPORT"] = string.Join(',', split.Select(s => s.Port)),
            ["PGDATABASE"] = cs.Database ?? cs.Username, // as Npgsql: the user's name when none is given
            ["PGSSLMODE"] = cs.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
            ["PGAPPNAME"] = "kindling-backup",
            ["PGCONNECT_TIMEOUT"] = cs.Timeout.ToString(CultureInfo.InvariantCulture),
        };
        if (cs.Username is { } user)
            env["PGUSER"] = user;
        if (cs.Password is { } password)
            env["PGPASSWORD"] = password;
        if (cs.Passfile is { } passfile)
            env["PGPASSFILE"] = passfile;
        if (cs.RootCertificate is { } root)
            env["PGSSLROOTCERT"] = root;
        if (cs.SslCertificate is { } cert)
            env["PGSSLCERT"] = cert;
        if (cs.SslKey is { } key)
            env["PGSSLKEY"] = key;
        return env;
    }

    private static (string Host, string Port) SplitPort(string host, int port)
    {
        var colon = host.LastIndexOf(':');
        return
            colon > 0
            && !host.EndsWith(']')
            && int.TryParse(host[(colon + 1)..], CultureInfo.InvariantCulture, out var p)
            ? (host[..colon], p.ToString(CultureInfo.InvariantCulture))
            : (host, port.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>On PATH, else the newest of Debian's /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
    public static string Find(string tool)
    {
        var onPath = (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", tool))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists)
            ?? throw new BackupFailed(
                $"{tool} was not found on PATH nor in /usr/lib/postgresql/<version>/bin. Install PostgreSQL's client "
                    + "tools, at least the server's version (Debian: apt-get install postgresql-client)."
            );
    }
}
