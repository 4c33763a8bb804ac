using System.Reflection;
using Kindling.Web.Features.Admin;
using Kindling.Web.Features.Concerns;
using Kindling.Web.Features.Invitations;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Tests.Messages;

/// <summary>Every page whose form posts make Kindling send mail counts those posts against the "Send" limit.</summary>
public class SendingPagesTests
{
    public static TheoryData<Type> Sending =>
        new()
        {
            typeof(OutboxModel),
            typeof(ReportModel),
            typeof(NewModel),
            typeof(ReceiptModel),
            typeof(MineReportModel),
            typeof(CohortInvitationsModel),
            typeof(UsersModel),
            typeof(Kindling.Web.Features.FollowUp.WrapUpModel),
        };

    [Theory, MemberData(nameof(Sending))]
    public void PageThatSendsMail_IsRateLimited(Type page) =>
        Assert.Equal(RateLimits.Send, page.GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName);
}
