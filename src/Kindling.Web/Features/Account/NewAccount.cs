using System.ComponentModel.DataAnnotations;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kindling.Web.Features.Account;

public sealed class NewAccount : IValidatableObject
{
    [Required(ErrorMessage = "Enter the name people in your cohorts will see.")]
    [StringLength(80, ErrorMessage = "Your display name can be at most 80 characters.")]
    [PlainText(ErrorMessage = "Your display name can't contain < or > characters.")]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [StringLength(200, ErrorMessage = "The e-mail address can be at most 200 characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password of at least 12 characters.")]
    [StringLength(128, MinimumLength = 12, ErrorMessage = "The password must be 12 to 128 characters long.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Starts empty: timezone.js fills in the browser's zone, or the person picks one; never UTC
    /// unseen.</summary>
    [Required(ErrorMessage = "Pick your time zone from the list.")]
    [Display(Name = "Your time zone")]
    public string TimeZoneId { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!TimeZones.IsValid(TimeZoneId))
            yield return new ValidationResult("Pick your time zone from the list.", [nameof(TimeZoneId)]);
    }
}

public static class Accounts
{
    /// <summary>Creates the account or copies Identity's reasons (weak password, e-mail taken) into the form's
    /// errors.</summary>
    public static async Task<AppUser?> CreateAsync(
        UserManager<AppUser> users,
        NewAccount input,
        TimeProvider clock,
        ModelStateDictionary modelState
    )
    {
        var user = new AppUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            DisplayName = input.DisplayName.Trim(),
            TimeZoneId = TimeZones.Canonical(input.TimeZoneId)!,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            EmailConfirmed = false, // until the link in the confirmation e-mail is opened
        };
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded)
            return user;
        foreach (var e in result.Errors)
        {
            var field =
                e.Code.Contains("Password") ? $"Input.{nameof(NewAccount.Password)}"
                : e.Code.Contains("Email") || e.Code.Contains("UserName") ? $"Input.{nameof(NewAccount.Email)}"
                : "";
            var text = e.Code is "DuplicateEmail" or "DuplicateUserName"
                ? "An account with this e-mail already exists. Sign in instead, then open the invitation link again."
                : e.Description;
            if (!modelState[field]?.Errors.Any(x => x.ErrorMessage == text) ?? true)
                modelState.AddModelError(field, text);
        }
        return null;
    }
}
