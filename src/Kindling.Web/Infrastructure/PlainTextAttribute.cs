using System.ComponentModel.DataAnnotations;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// A short plain-text field (a name, a title) refuses angle brackets, which it never needs
/// (<see cref="Text.HasMarkup"/>). Checked with the field's other rules, so a form shows this message together with
/// the rest rather than only once they pass, as a check in <see cref="IValidatableObject.Validate"/> would.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => !Text.HasMarkup(value as string);
}
