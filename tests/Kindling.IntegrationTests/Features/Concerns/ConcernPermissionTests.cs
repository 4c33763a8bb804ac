using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Concerns;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// Every role × every report action × the report's own cohort and another: only the report's readers read and act on
/// it, only members file, the receipt link alone opens the receipt page; everyone else gets 404 (a visitor who is not
/// signed in is sent to sign in) and nothing changes.
/// </summary>
[Collection(AppCollection.Name)]
public class ConcernPermissionTests(Apps apps)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        foreach (var audience in new[] { "facilitators", "one", "safety" })
            data.Add(provider, audience);
        return data;
    }

    private static string[] ReadersOf(string audience) =>
        audience switch
        {
            "facilitators" => ["facilitator", "facilitator2"],
            "one" => ["facilitator"],
            _ => ["safety"],
        };

    [Theory, MemberData(nameof(Cases))]
    public async Task EveryAction_ByEveryRole_OnlyReadersReadAndActOnTheReport(string provider, string audience)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        var what = $"Matrix report to {audience} {Guid.NewGuid():N}";
        using var reporter = await s.ClientAsAsync("reporter");
        var filed = (
            await s.FileAsync(
                reporter,
                what,
                audience: audience,
                facilitatorId: audience == "one" ? s.Users["facilitator"].Id : null
            )
        ).ReportId;
        var readers = ReadersOf(audience);
        var wrong = new List<string>();
        var denied = ConcernScenario.Roles.Where(r => !readers.Contains(r)).ToList();
        var before = (await s.EventsAsync(filed)).Count;
        foreach (var role in denied)
            await CheckAsync(s, role, filed, what, isReader: false, wrong);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // Nobody but the reporter (who added to their own report) left a trace.
        Assert.Equal(before + 1, (await s.EventsAsync(filed)).Count);
        before++;
        foreach (var role in readers)
            await CheckAsync(s, role, filed, what, isReader: true, wrong);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // Each reader acted five times: a status step, a note, a reply and two exports.
        Assert.Equal(before + 5 * readers.Length, (await s.EventsAsync(filed)).Count);
    }

    private static async Task CheckAsync(
        ConcernScenario s,
        string role,
        Guid reportId,
        string what,
        bool isReader,
        List<string> wrong
    )
    {
        using var client = await s.ClientAsAsync(role);
        var c = s.CohortId;
        var other = s.OtherCohort.CohortId;
        var member = ConcernScenario.Members.Contains(role);
        var facilitatesHere = role is "facilitator" or "facilitator2";
        var anyReader = facilitatesHere || role is "other-facilitator" or "safety";
        var report = $"/concerns/{reportId}";
        var receipt = s.Receipts[reportId];

        void Expect(string action, PageClient.Page page, bool allowed, HttpStatusCode ok = HttpStatusCode.OK)
        {
            var fine =
                allowed ? page.Status == ok
                : role == "visitor"
                    ? page.Status == HttpStatusCode.Redirect
                        && page.Location!.OriginalString.Contains("/account/signin", StringComparison.Ordinal)
                : page.Status == HttpStatusCode.NotFound && !page.Text.Contains(what, StringComparison.Ordinal);
            if (!fine)
                wrong.Add($"{role} {action}: {(int)page.Status} {page.Location}");
        }

        // Pages and lists.
        Expect("form", await client.GetAsync($"/cohorts/{c}/concerns/new"), member);
        Expect("own list", await client.GetAsync($"/cohorts/{c}/concerns/mine"), member);
        Expect("own report", await client.GetAsync($"/cohorts/{c}/concerns/mine/{reportId}"), role == "reporter");
        var list = await client.GetAsync($"/cohorts/{c}/concerns");
        Expect("cohort list", list, facilitatesHere);
        if (facilitatesHere && list.Text.Contains(report, StringComparison.Ordinal) != isReader)
            wrong.Add($"{role} cohort list shows the report: {!isReader}");
        var inbox = await client.GetAsync("/concerns");
        Expect("inbox", inbox, anyReader);
        if (anyReader && inbox.Text.Contains(report, StringComparison.Ordinal) != isReader)
            wrong.Add($"{role} inbox shows the report: {!isReader}");
        var read = await client.GetAsync(report);
        Expect("read", read, isReader);
        if (isReader && !read.Text.Contains(what, StringComparison.Ordinal))
            wrong.Add($"{role} read: the report's text is missing");

        // Another cohort's addresses: only that cohort's own members see its form and list, never this report.
        var otherMember = role == "other-facilitator";
        Expect("other cohort form", await client.GetAsync($"/cohorts/{other}/concerns/new"), otherMember);
        var otherList = await client.GetAsync($"/cohorts/{other}/concerns");
        Expect("other cohort list", otherList, otherMember);
        if (otherList.Text.Contains(report, StringComparison.Ordinal))
            wrong.Add($"{role} other cohort list shows the report");
        Expect("other cohort own report", await client.GetAsync($"/cohorts/{other}/concerns/mine/{reportId}"), false);

        // The receipt page answers to the link, whoever holds it, and to nothing else.
        var withToken = await client.GetAsync(receipt);
        if (withToken.Status != HttpStatusCode.OK || !withToken.Text.Contains(what, StringComparison.Ordinal))
            wrong.Add($"{role} receipt with the link: {(int)withToken.Status}");
        foreach (var bad in new[] { "/concerns/receipt/" + new string('A', 43), "/concerns/receipt/x" })
        {
            var page = await client.GetAsync(bad);
            if (page.Status != HttpStatusCode.NotFound)
                wrong.Add($"{role} receipt {bad}: {(int)page.Status}");
        }

        // Writes, each with the client's own form token.
        var token = await client.TokenAsync(receipt);
        async Task<PageClient.Page> Post(string url, Dictionary<string, string> fields) =>
            await client.PostWithTokenAsync(url, fields, token);
        var filing = await Post(
            $"/cohorts/{c}/concerns/new",
            new()
            {
                ["Input.What"] = $"Filed by {role} {Guid.NewGuid():N}",
                ["Input.Identity"] = "named",
                ["Input.Audience"] = "facilitators",
            }
        );
        Expect("file", filing, member, HttpStatusCode.Redirect);
        var wrongReceipt = await Post(
            "/concerns/receipt/" + new string('B', 43) + "?handler=Add",
            new() { ["Addition"] = "x" }
        );
        if (wrongReceipt.Status != HttpStatusCode.NotFound)
            wrong.Add($"{role} add with a wrong link: {(int)wrongReceipt.Status}");
        var status = (await s.ReportAsync(reportId)).Status;
        var next = ConcernWorkflow.Value(ConcernWorkflow.From(status)[0].To);
        Expect(
            "status",
            await Post($"{report}?handler=Status", new() { ["to"] = next }),
            isReader,
            HttpStatusCode.Redirect
        );
        Expect(
            "note",
            await Post($"{report}?handler=Note", new() { ["Text"] = $"Note by {role}" }),
            isReader,
            HttpStatusCode.Redirect
        );
        Expect(
            "reply",
            await Post($"{report}?handler=Reply", new() { ["Text"] = $"Reply by {role}" }),
            isReader,
            HttpStatusCode.Redirect
        );
        var md = await Post($"{report}?handler=Export", new() { ["format"] = "md" });
        Expect("export md", md, isReader);
        if (isReader && md.ContentType != "text/markdown")
            wrong.Add($"{role} export md: {md.ContentType}");
        var pdf = await Post($"{report}?handler=Export", new() { ["format"] = "pdf" });
        Expect("export pdf", pdf, isReader);
        if (isReader && pdf.ContentType != "application/pdf")
            wrong.Add($"{role} export pdf: {pdf.ContentType}");
        Expect(
            "add to own report",
            await Post($"/cohorts/{c}/concerns/mine/{reportId}?handler=Add", new() { ["Addition"] = "x" }),
            role == "reporter",
            HttpStatusCode.Redirect
        );
    }
}
