using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

/// <summary>A person's personal access tokens: make one (its secret shown once, on the answer to the form), see
/// when each was last used, revoke any.</summary>
[EnableRateLimiting(RateLimits.Send)]
public class TokensModel(KindlingDb db, TimeProvider clock) : PageModel
{
    public const int MaxTokens = 50;

    public static readonly IReadOnlyList<(string Value, string Label, int? Days)> Lifetimes =
    [
        ("30", "30 days", 30),
        ("90", "90 days", 90),
        ("365", "One year", 365),
        ("never", "Never (revoke it yourself)", null),
    ];

    public sealed record TokenRow(
        Guid Id,
        string Name,
        string Hint,
        ApiTokenScope Scope,
        string? Cohort,
        DateTime CreatedUtc,
        DateTime? ExpiresUtc,
        DateTime? LastUsedUtc
    );

    public sealed class NewToken
    {
        [
            Required(ErrorMessage = "Name the token after what will use it, e.g. \"Attendance spreadsheet\"."),
            StringLength(80, ErrorMessage = "A token's name can be at most 80 characters."),
            PlainText(ErrorMessage = "A token's name can't contain < or > characters."),
            Display(Name = "What is it for?")
        ]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose what the token may do: read, or read and write.")]
        public string Scope { get; set; } = "read";

        /// <summary>Empty: every cohort of the person.</summary>
        public string? Cohort { get; set; }

        [Required(ErrorMessage = "Choose when the token expires.")]
        public string Expires { get; set; } = "90";
    }

    [BindProperty]
    public NewToken Input { get; set; } = new();

    public List<TokenRow> Tokens { get; private set; } = [];
    public List<(Guid Id, string Name)> Cohorts { get; private set; } = [];
    public string Zone { get; private set; } = "UTC";
    public DateTime Now { get; private set; }

    /// <summary>Set only on the answer that made the token: its secret, shown this once.</summary>
    public string? NewSecret { get; private set; }
    public string? NewName { get; private set; }

    private string UserId => CohortAccess.UserId(User)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        if (Input.Scope is not ("read" or "write"))
            ModelState.AddModelError("Input.Scope", "Choose what the token may do: read, or read and write.");
        var lifetime = Lifetimes.FirstOrDefault(l => l.Value == Input.Expires);
        if (lifetime.Value is null)
            ModelState.AddModelError("Input.Expires", "Choose when the token expires from the list.");
        Guid? cohort = null;
        if (!string.IsNullOrEmpty(Input.Cohort))
        {
            if (Guid.TryParse(Input.Cohort, out var id) && Cohorts.Any(c => c.Id == id))
                cohort = id;
            else
                ModelState.AddModelError("Input.Cohort", "Choose one of your cohorts, or all of them.");
        }
        if (Tokens.Count >= MaxTokens)
            ModelState.AddModelError(
                "",
                $"You have {MaxTokens} tokens, the most one person may have; revoke one first."
            );
        if (!ModelState.IsValid)
            return Page();
        var secret = TokenSecrets.New();
        db.ApiTokens.Add(
            new ApiToken
            {
                UserId = UserId,
                Name = Input.Name.Trim(),
                SecretHash = TokenSecrets.Hash(secret),
                Hint = TokenSecrets.Hint(secret),
                Scope = Input.Scope == "write" ? ApiTokenScope.Write : ApiTokenScope.Read,
                CohortId = cohort,
                CreatedUtc = Now,
                ExpiresUtc = lifetime.Days is { } days ? Now.AddDays(days) : null,
            }
        );
        await db.SaveChangesAsync();
        (NewSecret, NewName) = (secret, Input.Name.Trim());
        Input = new();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var name = await db
            .ApiTokens.Where(t => t.Id == id && t.UserId == UserId)
            .Select(t => t.Name)
            .FirstOrDefaultAsync();
        if (name is null)
            TempData["Flash"] = "That token was already revoked.";
        else
        {
            await db.ApiTokens.Where(t => t.Id == id && t.UserId == UserId).ExecuteDeleteAsync();
            TempData["Flash"] = $"The token \"{name}\" was revoked; programs using it are refused from now on.";
        }
        return Redirect("/account/tokens");
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Zone = await db.Users.Where(u => u.Id == UserId).Select(u => u.TimeZoneId).FirstAsync();
        Tokens = await db
            .ApiTokens.AsNoTracking()
            .Where(t => t.UserId == UserId)
            .OrderByDescending(t => t.CreatedUtc)
            .Select(t => new TokenRow(
                t.Id,
                t.Name,
                t.Hint,
                t.Scope,
                db.Cohorts.Where(c => c.Id == t.CohortId).Select(c => c.Name).FirstOrDefault(),
                t.CreatedUtc,
                t.ExpiresUtc,
                t.LastUsedUtc
            ))
            .ToListAsync();
        Cohorts = (
            await db
                .CohortMembers.WhereAdmitted()
                .Where(m => m.UserId == UserId)
                .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { m.CohortId, c.Name })
                .OrderBy(c => c.Name)
                .ToListAsync()
        )
            .Select(c => (c.CohortId, c.Name))
            .ToList();
    }
}
