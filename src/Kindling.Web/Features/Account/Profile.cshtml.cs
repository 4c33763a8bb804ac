using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Kindling.Web.Infrastructure.Reads;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Account;

public class ProfileModel(KindlingDb db, ReadCache reads) : PageModel
{
    public sealed class ProfileInput : IValidatableObject
    {
        [
            Required(ErrorMessage = "Enter the name people in your cohorts will see."),
            StringLength(80, ErrorMessage = "Your display name can be at most 80 characters."),
            PlainText(ErrorMessage = "Your display name can't contain < or > characters.")
        ]
        public string DisplayName { get; set; } = "";

        [
            StringLength(40, ErrorMessage = "Pronouns can be at most 40 characters."),
            PlainText(ErrorMessage = "Pronouns can't contain < or > characters.")
        ]
        public string? Pronouns { get; set; }

        [
            StringLength(120, ErrorMessage = "Role or title can be at most 120 characters."),
            PlainText(ErrorMessage = "Role or title can't contain < or > characters.")
        ]
        public string? Title { get; set; }

        [
            StringLength(120, ErrorMessage = "Organisation can be at most 120 characters."),
            PlainText(ErrorMessage = "Organisation can't contain < or > characters.")
        ]
        public string? Organisation { get; set; }

        [StringLength(300, ErrorMessage = "Social handles can be at most 300 characters.")]
        public string? SocialHandles { get; set; }

        [StringLength(120, ErrorMessage = "This line can be at most 120 characters.")]
        public string? Feeling { get; set; }

        [Required(ErrorMessage = "Pick your time zone from the list.")]
        public string TimeZoneId { get; set; } = "UTC";

        public IEnumerable<ValidationResult> Validate(ValidationContext context)
        {
            if (!TimeZones.IsValid(TimeZoneId))
                yield return new("Pick your time zone from the list.", [nameof(TimeZoneId)]);
        }
    }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public bool EmailConfirmed { get; private set; }
    public bool TwoFactor { get; private set; }

    /// <summary>The first error of a field of <see cref="Input"/> (by property name), or null.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    private sealed record Shown(ProfileInput Input, string Email, bool EmailConfirmed, bool TwoFactor);

    public async Task<IActionResult> OnGetAsync()
    {
        if (CohortAccess.UserId(User) is not { } id)
            return Challenge();
        // Kept until the person's account is written (ReadCache).
        var shown = await reads.GetAsync(
            "profile",
            id,
            "",
            () =>
                db
                    .Users.Where(u => u.Id == id)
                    .Select(u => new Shown(
                        new ProfileInput
                        {
                            DisplayName = u.DisplayName,
                            Pronouns = u.Pronouns,
                            Title = u.Title,
                            Organisation = u.Organisation,
                            SocialHandles = u.SocialHandles,
                            Feeling = u.Feeling,
                            TimeZoneId = u.TimeZoneId,
                        },
                        u.Email ?? "",
                        u.EmailConfirmed,
                        u.TwoFactorEnabled
                    ))
                    .FirstOrDefaultAsync()
        );
        if (shown is null)
            return Challenge();
        (Email, EmailConfirmed, TwoFactor) = (shown.Email, shown.EmailConfirmed, shown.TwoFactor);
        // A copy: model binding and the page may change the form's values, never the kept ones.
        Input = new ProfileInput
        {
            DisplayName = shown.Input.DisplayName,
            Pronouns = shown.Input.Pronouns,
            Title = shown.Input.Title,
            Organisation = shown.Input.Organisation,
            SocialHandles = shown.Input.SocialHandles,
            Feeling = shown.Input.Feeling,
            TimeZoneId = shown.Input.TimeZoneId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] UserManager<AppUser> users)
    {
        var u = await users.GetUserAsync(User);
        if (u is null)
            return Challenge();
        Show(u);
        if (!ModelState.IsValid)
            return Page();
        u.DisplayName = Input.DisplayName.Trim();
        u.Pronouns = Input.Pronouns?.Trim();
        u.Title = Input.Title?.Trim();
        u.Organisation = Input.Organisation?.Trim();
        u.SocialHandles = Input.SocialHandles?.Trim();
        u.Feeling = Input.Feeling?.Trim();
        u.TimeZoneId = TimeZones.Canonical(Input.TimeZoneId)!;
        await db.SaveChangesAsync();
        TempData["Flash"] = "Profile saved.";
        return Redirect("/account/profile");
    }

    private void Show(AppUser u)
    {
        Email = u.Email ?? "";
        EmailConfirmed = u.EmailConfirmed;
        TwoFactor = u.TwoFactorEnabled;
    }
}
