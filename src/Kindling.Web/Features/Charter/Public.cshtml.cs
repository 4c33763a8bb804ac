using System.Globalization;
using Kindling.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Charter;

/// <summary>A published charter for anyone: only the copy stored at publishing, nothing about the cohort or its
/// people.</summary>
[AllowAnonymous]
public class PublicModel(KindlingDb db) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";
    public CharterView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CharterSetup.PublishedAsync(db, Slug) is not { } charter)
            return NotFound();
        View = new CharterView(
            charter,
            $"Published {charter.CompiledUtc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} by the people "
                + $"behind {charter.ProjectName}.",
            null
        );
        return Page();
    }
}
