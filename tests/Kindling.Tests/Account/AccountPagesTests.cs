using System.Reflection;
using Kindling.Web.Features.Account;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Tests.Account;

public class AccountPagesTests
{
    public static TheoryData<Type, string> Limited =>
        new()
        {
            { typeof(ForgotModel), RateLimits.Account },
            { typeof(ResetModel), RateLimits.Account },
            { typeof(EmailModel), RateLimits.Account },
            { typeof(TwoFactorModel), RateLimits.Account },
            { typeof(SignInTwoFactorModel), RateLimits.SignIn },
        };

    /// <summary>Pages that send mail or check a secret are rate limited like sign-in and sign-up.</summary>
    [Theory, MemberData(nameof(Limited))]
    public void AccountPage_IsRateLimited(Type page, string policy) =>
        Assert.Equal(policy, page.GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName);

    [Fact]
    public void AuthenticatorKey_IsShownInGroupsOfFour_AndCarriedByAnOtpauthAddress()
    {
        Assert.Equal("abcd efgh ij", Authenticator.FormatKey("ABCDEFGHIJ"));
        Assert.Equal(
            "otpauth://totp/Kindling:ann%40example.org?secret=ABCDEFGHIJ&issuer=Kindling&digits=6",
            Authenticator.Uri("ann@example.org", "ABCDEFGHIJ")
        );
    }

    [Fact]
    public void TokenLifetimes_AnHourForAReset_ThreeDaysForAnAddress()
    {
        Assert.Equal(TimeSpan.FromHours(1), AccountTokenProvider.LifetimeOf("ResetPassword"));
        Assert.Equal(TimeSpan.FromDays(3), AccountTokenProvider.LifetimeOf("EmailConfirmation"));
        Assert.Equal(TimeSpan.FromDays(3), AccountTokenProvider.LifetimeOf("ChangeEmail:new@example.org"));
    }
}
