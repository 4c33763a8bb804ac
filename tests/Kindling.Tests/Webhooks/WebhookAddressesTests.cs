using System.Net;
using Kindling.Web.Features.Webhooks;

namespace Kindling.Tests.Webhooks;

/// <summary>Kindling posts only to the public internet unless the operator allows otherwise.</summary>
public class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:c0a8:0101::1")] // 6to4 of 192.168.1.1
    [InlineData("2001:db8::1")]
    public void IsPublic_NonPublicAddress_IsFalse(string address) =>
        Assert.False(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("64:ff9b::101:101")] // NAT64 of 1.1.1.1
    public void IsPublic_PublicAddress_IsTrue(string address) =>
        Assert.True(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://hooks.example.org/k")]
    [InlineData("ftp://hooks.example.org/k")]
    [InlineData("hooks.example.org/k")]
    [InlineData("")]
    public void ShapeError_WithoutHttps_AsksForHttps(string url) =>
        Assert.Contains("starting with https://", WebhookAddresses.ShapeError(url, false, out _));

    [Fact]
    public void ShapeError_HttpOnAPrivateDeployment_IsAccepted()
    {
        Assert.Null(WebhookAddresses.ShapeError(" http://10.0.0.5:8080/hook ", true, out var uri));
        Assert.Equal(8080, uri!.Port);
    }

    [Fact]
    public void ShapeError_UserAndPasswordInTheAddress_AreRefused() =>
        Assert.Contains(
            "Leave the user name and password out",
            WebhookAddresses.ShapeError("https://me:pw@hooks.example.org/", false, out _)
        );

    [Fact]
    public async Task HostError_LoopbackLiteral_IsRefusedUnlessAllowed()
    {
        var uri = new Uri("https://127.0.0.1:8443/hook");

        Assert.Contains("127.0.0.1 is a private, loopback", await WebhookAddresses.HostErrorAsync(uri, false));
        Assert.Null(await WebhookAddresses.HostErrorAsync(uri, true));
    }
}
