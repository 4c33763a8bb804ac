using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Account;

public class PasswordStrengthTests
{
    private static readonly string[] Person = ["ada.lovelace@example.org", "Ada Lovelace"];

    [Theory]
    [InlineData("Summer2024!!", "a password that many people use")]
    [InlineData("admin1234567", "a password that many people use")]
    [InlineData("qwertyuiopas", "a password that many people use")]
    [InlineData("lovelace2024!", "your name or e-mail address")]
    [InlineData("asdfghjkl;'zx", "keys that sit next to each other")]
    [InlineData("aaaaaaaaaaaab", "repeats the same characters")]
    public void Weakness_QuickToGuessPassword_SaysWhy(string password, string reason)
    {
        var why = PasswordStrength.Weakness(password, Person);
        Assert.NotNull(why);
        Assert.StartsWith("This password is too easy to guess: ", why);
        Assert.Contains(reason, why);
    }

    [Theory]
    [InlineData("my cat sleeps on the warm piano")]
    [InlineData("violet-harbour-kettle-93")]
    [InlineData("correct-staple-lantern-42")] // the test suite's own passwords stay acceptable
    [InlineData("amber-orchard-compass-58")]
    [InlineData("copper-meadow-violin-7")]
    public void Weakness_LongPassphrase_IsAccepted(string password) =>
        Assert.Null(PasswordStrength.Weakness(password, Person));
}
