using Kindling.Web.Features.Webhooks;

namespace Kindling.Tests.Webhooks;

/// <summary>The signature a receiver recomputes: HMAC-SHA256 of "{timestamp}.{body}" with the secret.</summary>
public class WebhookSignatureTests
{
    private const string Secret = "whsec_example-secret";
    private const string Body = """{"id":"5f0c","event":"ping"}""";

    [Fact]
    public void Sign_KnownInput_MatchesOpenSslHmac()
    {
        // printf '%s' '1700000000.{"id":"5f0c","event":"ping"}' | openssl dgst -sha256 -hmac 'whsec_example-secret'
        Assert.Equal(
            "sha256=b2b3039107e053bb141035be846d6d6cc91ec7ebfc81cd88def5063e24bfce34",
            WebhookSignature.Sign(Secret, 1_700_000_000, Body)
        );
    }

    [Fact]
    public void Sign_AnotherTimestampOrSecretOrBody_GivesAnotherSignature()
    {
        var signed = WebhookSignature.Sign(Secret, 1_700_000_000, Body);

        Assert.Equal(
            "sha256=29304eecb3ff61a432e5533ff2497f9c7b55f9852232061a8fbdc14e27843d99",
            WebhookSignature.Sign(Secret, 1_700_000_001, Body)
        );
        Assert.NotEqual(signed, WebhookSignature.Sign(Secret + "x", 1_700_000_000, Body));
        Assert.NotEqual(signed, WebhookSignature.Sign(Secret, 1_700_000_000, Body.Replace("ping", "pong")));
    }

    [Fact]
    public void NewSecret_IsLongRandomAndUrlSafe()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        Assert.NotEqual(a, b);
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", a);
    }
}
