using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

public static class IdentitySetup
{
    public const string FacilitatorPolicy = "Facilitator";
    public const string AdminPolicy = "Admin";

    public static void AddKindlingIdentity(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddDataProtection().PersistKeysToDbContext<KindlingDb>().SetApplicationName("Kindling");
        s.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length over composition (OWASP ASVS 5.0); common passwords are refused by CommonPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // E-mailed links: Kindling's clocked provider, one lifetime per purpose (see AccountTokenProvider).
                o.Tokens.PasswordResetTokenProvider = AccountTokenProvider.Name;
                o.Tokens.EmailConfirmationTokenProvider = AccountTokenProvider.Name;
                o.Tokens.ChangeEmailTokenProvider = AccountTokenProvider.Name;
            })
            .AddEntityFrameworkStores<KindlingDb>()
            .AddUserManager<KindlingUserManager>() // closes live connections when a security stamp changes
            .AddDefaultTokenProviders()
            .AddTokenProvider<AccountTokenProvider>(AccountTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>();
        s.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Removed members, changed roles and signed-out cookies take effect within a minute.
        s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        s.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "kindling.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Behind https the cookie never travels over plain http; otherwise it follows the request (or a trusted
            // proxy's X-Forwarded-Proto).
            o.Cookie.SecurePolicy =
                builder
                    .Configuration[$"{PublicAddressSetup.Section}:PublicUrl"]
                    ?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Answer 403 on the requested address (the status page explains it) rather than a 302 to /error/403.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // The sign-in address is built from the public address, not from the request's Host header.
            o.Events.OnRedirectToLogin = ctx =>
            {
                var url = ctx
                    .HttpContext.RequestServices.GetRequiredService<PublicUrls>()
                    .For(new Uri(ctx.RedirectUri).PathAndQuery);
                if (ctx.Request.Headers.XRequestedWith == "XMLHttpRequest")
                {
                    ctx.Response.Headers.Location = url;
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                    ctx.Response.Redirect(url);
                return Task.CompletedTask;
            };
            // Re-validate the security stamp in a scope of its own. The default resolves the validator (SignInManager,
            // UserManager and a KindlingDb) from the request's scope, which a live session's WebSocket keeps for hours.
            // A cookie issued within the validation interval is not checked (the validator would do nothing with
            // it either), so most requests skip building that scope.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var stamps = ctx.HttpContext.RequestServices.GetRequiredService<
                    IOptions<SecurityStampValidatorOptions>
                >();
                var now = (stamps.Value.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (ctx.Properties.IssuedUtc is { } issued && now - issued <= stamps.Value.ValidationInterval)
                    return;
                await using var scope = ctx
                    .HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>()
                    .CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(ctx);
            };
        });
        s.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(InstanceRoles.Admin))
            .AddPolicy(FacilitatorPolicy, p => p.RequireRole(InstanceRoles.Facilitator, InstanceRoles.Admin));
    }
}
