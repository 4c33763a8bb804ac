using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Pages, scripts, styles and exports travel compressed (Brotli or gzip, fastest level: the live room of a long session
/// is a large page, and a phone on a slow network pays for every byte). Secrets in pages do not leak through
/// compression (BREACH): the anti-forgery token in a form is freshly encrypted for every response, and the sign-in
/// cookie never appears in a body.
/// </summary>
public static class CompressionSetup
{
    public static void AddKindlingCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat([
                "text/markdown",
                "text/calendar",
                "image/svg+xml",
            ]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }
}
