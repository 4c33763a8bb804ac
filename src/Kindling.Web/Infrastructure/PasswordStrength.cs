using Zxcvbn.Matcher;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Judges a new password by how fast it would be guessed, with zxcvbn and its dictionaries (common passwords, names,
/// English words, film and TV, keyboard patterns, dates, repeats), and says in plain words why one is refused.
/// </summary>
public static class PasswordStrength
{
    /// <summary>zxcvbn's scale 0–4; 3 means a guess takes about 10⁸ attempts or more.</summary>
    public const int MinimumScore = 3;

    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() =>
    {
        var estimator = new Zxcvbn.Zxcvbn();
        estimator.EvaluatePassword("load-every-dictionary-once"); // before requests share it
        return estimator;
    });

    /// <summary>Null when strong enough, else a sentence saying why not. <paramref name="personal"/>: e-mail, name and
    /// the like.</summary>
    public static string? Weakness(string password, IEnumerable<string?> personal)
    {
        var words = personal
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => p!.Split([' ', '@', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Append(p))
            .Append("kindling")
            .Select(w => w.ToLowerInvariant())
            .Distinct()
            .ToList();
        var result = Estimator.Value.EvaluatePassword(password, words);
        if (result.Score >= MinimumScore)
            return null;
        var why =
            result
                .MatchSequence.OrderByDescending(m => m.Token.Length)
                .Select(Reason)
                .FirstOrDefault(r => r is not null)
            ?? "it is short for the kinds of characters it uses";
        return $"This password is too easy to guess: {why}. Try a few unrelated words together, like a short "
            + $"sentence only you would think of.";
    }

    private static string? Reason(Zxcvbn.Match match) =>
        match switch
        {
            DictionaryMatch { DictionaryName: "user_inputs" } =>
                "it contains your name or e-mail address, or the name of this site",
            DictionaryMatch { DictionaryName: "passwords" } => "it is built on a password that many people use",
            DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } =>
                "it leans on a common name",
            DictionaryMatch => "it leans on a common word",
            _ => match.Pattern switch
            {
                "spatial" => "it follows keys that sit next to each other on the keyboard",
                "repeat" => "it repeats the same characters",
                "sequence" => "it contains a run like abc or 4321",
                "digits" => "it leans on a run of digits",
                "year" or "date" => "it contains a year or a date",
                _ => null,
            },
        };
}
