using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kindling.BrowserTests.Deploy;

/// <summary>
/// Debian's nginx running deploy/nginx/kindling.conf as the current user, on 127.0.0.1 ports, with a throwaway
/// certificate. The site file is the production one with only its addresses, ports, certificate paths and folders
/// replaced; the main configuration around it mirrors Debian's /etc/nginx/nginx.conf (which also sets gzip and
/// ssl_protocols at http level, so a site file that repeats them fails here as it would there).
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    /// <summary>nginx connects to the instances from this address (proxy_bind), so an instance can tell nginx from the
    /// browser (127.0.0.1) and the test can see whether it believed X-Forwarded-For.</summary>
    public const string ProxyAddress = "127.0.0.2";

    private readonly Process _process;
    private readonly string _dir;

    public string HttpsUrl { get; }
    public string HttpUrl { get; }
    public X509Certificate2 Certificate { get; }

    private NginxProcess(Process process, string dir, int https, int http, X509Certificate2 certificate) =>
        (_process, _dir, HttpsUrl, HttpUrl, Certificate) = (
            process,
            dir,
            $"https://127.0.0.1:{https}",
            $"http://127.0.0.1:{http}",
            certificate
        );

    public string ErrorLog => ReadOrEmpty(Path.Combine(_dir, "error.log"));

    /// <summary>Writes the configuration (nginx's ports are chosen beforehand, so the instances can be told the public
    /// address), checks it with <c>nginx -t</c> and starts nginx.</summary>
    public static async Task<NginxProcess> StartAsync(string root, int https, int http, int instanceA, int instanceB)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException(
                $"nginx is not installed ({Binary} is missing): the deploy smoke test runs deploy/nginx/kindling.conf "
                    + "in Debian's nginx. Install it with `apt-get install nginx` (./test.sh does when it is missing)."
            );
        var dir = Directory.CreateTempSubdirectory("kindling-nginx-").FullName;
        var certificate = WriteCertificate(dir);
        string[] files;
        try
        {
            files = await ConfigureAsync(root, dir, https, http, instanceA, instanceB);
        }
        catch
        {
            certificate.Dispose();
            Directory.Delete(dir, true);
            throw;
        }
        // In the foreground, as this process's child, so disposing the test ends it.
        var process = Process.Start(new ProcessStartInfo(Binary, [.. files, "-g", "daemon off;"]))!;
        var nginx = new NginxProcess(process, dir, https, http, certificate);
        for (var i = 0; i < 200 && !process.HasExited; i++)
        {
            if (await AcceptsAsync(https))
                return nginx;
            await Task.Delay(50);
        }
        var log = nginx.ErrorLog;
        await nginx.DisposeAsync();
        throw new InvalidOperationException("nginx did not start listening within 10 s:\n" + log);
    }

    /// <summary>Writes the site file and the main configuration into <paramref name="dir"/> and checks them with
    /// <c>nginx -t</c>; returns the arguments that name them.</summary>
    private static async Task<string[]> ConfigureAsync(
        string root,
        string dir,
        int https,
        int http,
        int instanceA,
        int instanceB
    )
    {
        foreach (var sub in new[] { "acme", "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            Directory.CreateDirectory(Path.Combine(dir, sub));
        var site = new SiteTemplate(File.ReadAllText(Path.Combine(root, "deploy", "nginx", "kindling.conf")))
            .Replace("server 127.0.0.1:5001 ", $"server 127.0.0.1:{instanceA} ")
            .Replace("server 127.0.0.1:5002 ", $"server 127.0.0.1:{instanceB} ")
            .Replace("listen 80;", $"listen 127.0.0.1:{http};")
            .Replace("listen [::]:80;", "")
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{https} ssl http2;")
            .Replace("listen [::]:443 ssl http2;", "")
            .Replace("/etc/letsencrypt/live/kindling.example.org/fullchain.pem", Path.Combine(dir, "cert.pem"))
            .Replace("/etc/letsencrypt/live/kindling.example.org/privkey.pem", Path.Combine(dir, "key.pem"))
            .Replace("root /opt/kindling/app/wwwroot;", $"root {Path.Combine(root, "src", "Kindling.Web", "wwwroot")};")
            .Replace("root /var/www/html;", $"root {Path.Combine(dir, "acme")};");
        File.WriteAllText(Path.Combine(dir, "kindling.conf"), site.Text);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), MainConfig(dir));
        string[] files = ["-c", Path.Combine(dir, "nginx.conf"), "-p", dir + "/", "-e", Path.Combine(dir, "error.log")];
        var check = await RunAsync([.. files, "-t", "-q"]);
        if (check.ExitCode != 0)
            throw new InvalidOperationException(
                "nginx -t refuses the deploy configuration:\n"
                    + check.Output
                    + ReadOrEmpty(Path.Combine(dir, "error.log"))
            );
        return files;
    }

    private static string MainConfig(string dir)
    {
        // As root, nginx's workers would run as "nobody", who can't read the repository or write these folders.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            worker_processes 2;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 768; }
            http {
                sendfile on;
                tcp_nopush on;
                types_hash_max_size 2048;
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
                ssl_prefer_server_ciphers on;
                access_log {{dir}}/access.log;
                gzip on;
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                proxy_bind {{ProxyAddress}};
                include {{dir}}/kindling.conf;
            }
            """;
    }

    private static X509Certificate2 WriteCertificate(string dir)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddMinutes(-5),
            DateTimeOffset.UtcNow.AddDays(1)
        );
        File.WriteAllText(Path.Combine(dir, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var process = Process.Start(
            new ProcessStartInfo(Binary, args) { RedirectStandardError = true, RedirectStandardOutput = true }
        )!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Certificate.Dispose();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException) { }
    }

    /// <summary>The production site file with test values put in; a text that is no longer there fails loudly, so
    /// the test and deploy/nginx/kindling.conf cannot drift apart unseen.</summary>
    private sealed class SiteTemplate(string text)
    {
        public string Text { get; private set; } = text;

        public SiteTemplate Replace(string production, string test)
        {
            if (!Text.Contains(production, StringComparison.Ordinal))
                throw new InvalidOperationException(
                    $"deploy/nginx/kindling.conf no longer contains '{production}': update "
                        + "tests/Kindling.BrowserTests/Deploy/NginxProcess.cs to match it."
                );
            Text = Text.Replace(production, test, StringComparison.Ordinal);
            return this;
        }
    }
}
