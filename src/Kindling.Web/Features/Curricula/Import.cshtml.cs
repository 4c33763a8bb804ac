using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Curricula;

/// <summary>Imports a zipped curriculum folder whole: every error in every file is listed and nothing is stored until
/// all parse.</summary>
[RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[EnableRateLimiting(RateLimits.Send)]
public class ImportModel(CurriculumStore store) : PageModel
{
    // Room for the form fields and multipart headers around a zip of the largest accepted size.
    private const long MaxRequestBytes = CurriculumPackage.MaxZipBytes + 64_000;
    private static readonly string[] ReservedSlugs = ["import", "preview"];

    [BindProperty]
    public IFormFile? Upload { get; set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
            return Fail("Choose a .zip file holding one curriculum folder.");
        if (Upload.Length > CurriculumPackage.MaxZipBytes)
            return Fail(
                $"The zip is {Upload.Length / 1_000_000.0:0.#} MB; the limit is "
                    + $"{CurriculumPackage.MaxZipBytes / 1_000_000} MB."
            );

        // Read into memory asynchronously: ZipArchive reads synchronously and seeks.
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer);
        buffer.Position = 0;
        var (files, zipError) = CurriculumPackage.FromZip(buffer);
        if (files is null)
            return Fail(zipError!);
        var (package, errors) = CurriculumPackage.Read(files);
        if (package is null)
        {
            Errors.AddRange(
                errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).Select(e => e.ToString())
            );
            return Page();
        }
        if (ReservedSlugs.Contains(package.Slug))
            return Fail(
                $"curriculum.yml: the slug '{package.Slug}' is reserved for a page of Kindling; choose another."
            );

        var (curriculum, storeError) = await store.ImportAsync(package, builtIn: false);
        if (curriculum is null)
            return Fail(storeError!);
        TempData["Flash"] = $"Imported “{curriculum.Title}” with {curriculum.Lessons.Count} lessons.";
        return Redirect($"/curricula/{curriculum.Slug}");
    }

    private PageResult Fail(string message)
    {
        Errors.Add(message);
        return Page();
    }
}
