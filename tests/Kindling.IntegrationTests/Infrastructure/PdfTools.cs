using System.Diagnostics;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>The text of a PDF as poppler's <c>pdftotext</c> reads it (the test command installs poppler-utils).</summary>
public static class PdfTools
{
    public static string Text(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kindling-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var info = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
                ArgumentList = { "-enc", "UTF-8", path, "-" },
            };
            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
