using System.Security.Cryptography;
using System.Text;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// A hash of every file under the built-in curriculum folder, names and contents. Hashing the ~200 KB shipped is a
/// small fraction of parsing and comparing them, and unlike sizes and times it cannot miss an edit.
/// </summary>
public static class BuiltInFingerprint
{
    public static string Of(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Name: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        foreach (var (path, name) in files)
        {
            var contents = File.ReadAllBytes(path);
            // Name and length delimit each file, so moving bytes from one file to the next changes the hash.
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{contents.Length}\0"));
            hash.AppendData(contents);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
