using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Charter;

/// <summary>The public address of a published charter: readable from the project name, with a short random
/// suffix.</summary>
public static class CharterSlugs
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens (accents dropped), at most 40
    /// characters.</summary>
    public static string Readable(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            var c = char.ToLowerInvariant(ch);
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length <= 40 ? slug : slug[..40].TrimEnd('-');
    }

    public static string New(string name)
    {
        var suffix = new string(
            Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()
        );
        var readable = Readable(name);
        return readable.Length == 0 ? $"charter-{suffix}" : $"{readable}-{suffix}";
    }

    /// <summary>A slug no other project uses (the column is unique too, so a race loses at save time rather than
    /// sharing an address).</summary>
    public static async Task<string> NewUniqueAsync(KindlingDb db, string name)
    {
        for (var attempt = 0; ; attempt++)
        {
            var slug = New(name);
            if (!await db.Projects.AnyAsync(p => p.CharterSlug == slug) || attempt >= 5)
                return slug;
        }
    }
}
