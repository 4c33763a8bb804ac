using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace Kindling.Tests.Charter;

/// <summary>The command-line tools the export tests check files with (poppler-utils and LibreOffice, installed by
/// test.sh).</summary>
public sealed class ExportTools : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("kindling-charter-").FullName;

    public string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Run(string tool, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    public string PdfText(string pdf) => Run("pdftotext", TimeSpan.FromMinutes(1), "-enc", "UTF-8", pdf, "-");

    /// <summary>Renders every page as a grey-scale PNG and returns them decoded, in page order.</summary>
    public List<GreyImage> Pages(string pdf, int dpi = 40)
    {
        var prefix = Path.Combine(Dir, Path.GetFileNameWithoutExtension(pdf) + "-page");
        Run(
            "pdftoppm",
            TimeSpan.FromMinutes(1),
            "-png",
            "-gray",
            "-r",
            dpi.ToString(CultureInfo.InvariantCulture),
            pdf,
            prefix
        );
        return Directory
            .GetFiles(Dir, Path.GetFileName(prefix) + "*.png")
            .Order(StringComparer.Ordinal)
            .Select(f => GreyImage.FromPng(File.ReadAllBytes(f)))
            .ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException) { }
    }
}

/// <summary>An 8-bit grey-scale PNG, decoded (just enough of PNG for what pdftoppm -gray writes).</summary>
public sealed record GreyImage(int Width, int Height, byte[] Pixels)
{
    public byte At(int x, int y) => Pixels[y * Width + x];

    public int DarkPixels(byte below = 200) => Pixels.Count(p => p < below);

    /// <summary>Decodes an 8-bit grey, grey+alpha, RGB or RGBA PNG (what pdftoppm writes) into grey levels.</summary>
    public static GreyImage FromPng(byte[] png)
    {
        int width = 0,
            height = 0,
            bpp = 1;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < png.Length; )
        {
            var length = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (type == "IHDR")
            {
                width = (png[pos + 8] << 24) | (png[pos + 9] << 16) | (png[pos + 10] << 8) | png[pos + 11];
                height = (png[pos + 12] << 24) | (png[pos + 13] << 16) | (png[pos + 14] << 8) | png[pos + 15];
                if (png[pos + 16] != 8 || png[pos + 20] != 0)
                    throw new NotSupportedException("Expected an 8-bit, non-interlaced PNG.");
                bpp = png[pos + 17] switch
                {
                    0 => 1,
                    4 => 2,
                    2 => 3,
                    6 => 4,
                    var t => throw new NotSupportedException($"PNG colour type {t}"),
                };
            }
            if (type == "IDAT")
                idat.Write(png, pos + 8, length);
            pos += length + 12;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var data = raw.ToArray();
        var stride = width * bpp;
        var pixels = new byte[width * height];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var line = new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? line[x - bpp] : 0,
                    b = previous[x],
                    c = x >= bpp ? previous[x - bpp] : 0;
                int value = data[y * (stride + 1) + 1 + x];
                value += filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                };
                line[x] = (byte)value;
            }
            for (var x = 0; x < width; x++)
            {
                var colours = bpp >= 3 ? 3 : 1;
                var sum = 0;
                for (var k = 0; k < colours; k++)
                    sum += line[x * bpp + k];
                pixels[y * width + x] = (byte)(sum / colours);
            }
            previous = line;
        }
        return new GreyImage(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c,
            pa = Math.Abs(p - a),
            pb = Math.Abs(p - b),
            pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a
            : pb <= pc ? b
            : c;
    }
}
