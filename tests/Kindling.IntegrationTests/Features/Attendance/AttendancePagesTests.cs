using System.Net;
using System.Text;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Attendance;

/// <summary>Facilitators correct attendance (plain forms) and download it as CSV; participants can do neither.</summary>
[Collection(AppCollection.Name)]
public class AttendancePagesTests(Apps apps)
{
    private static Dictionary<string, string> Form(params (string K, string V)[] f) =>
        f.ToDictionary(x => x.K, x => x.V);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Correction_OverridesTheRecord_BadNoteChangesNothing_CsvsForFacilitatorsOnly(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var (participant, observer) = (s.Users["participant"], s.Users["observer"]);
        // The live room saw the participant for 42 minutes; the observer never joined. A name that a spreadsheet would
        // run as a formula must stay text.
        await s.App.WithDbAsync(async db =>
        {
            await db
                .Sessions.Where(x => x.Id == s.SessionId)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, now.AddDays(-1)));
            await db
                .Users.Where(u => u.Id == observer.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(u => u.DisplayName, "=HYPERLINK(\"x\")"));
            db.Attendance.Add(
                new Domain.Attendance
                {
                    SessionId = s.SessionId,
                    UserId = participant.Id,
                    FirstJoinedUtc = now.AddDays(-1),
                    Minutes = 42,
                    LastMinute = 41,
                }
            );
            return await db.SaveChangesAsync();
        });
        var page = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/attendance";
        var csvUrl = page + ".csv";
        var cohortCsv = $"/cohorts/{s.CohortId}/attendance.csv";

        using var par = await s.ClientAsAsync("participant");
        Assert.Equal(HttpStatusCode.Forbidden, (await par.GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await par.GetAsync(csvUrl)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await par.GetAsync(cohortCsv)).Status);

        using var fac = await s.ClientAsAsync("facilitator");
        var details = await fac.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        Assert.NotNull(details.Document.QuerySelector($"a[href='{page}']"));
        var before = await fac.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("1 of 1 participants present", before.Text);

        // Too long a note: an error naming the limit, and nothing stored.
        var bad = await fac.PostFormAsync(
            page,
            Form(("userId", observer.Id), ("mark", "present"), ("note", new string('x', 201))),
            page + "?handler=Correct"
        );
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains(bad.Errors, e => e.Contains("200 characters"));
        Assert.Null(await RowAsync(s, observer.Id));

        var ok = await fac.PostFormAsync(
            page,
            Form(("userId", observer.Id), ("mark", "present"), ("note", "joined by phone")),
            page + "?handler=Correct"
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.Status);
        await fac.PostFormAsync(
            page,
            Form(("userId", participant.Id), ("mark", "absent"), ("note", "")),
            page + "?handler=Correct"
        );
        var o = await RowAsync(s, observer.Id);
        Assert.Equal(
            (AttendanceMark.Present, "joined by phone", s.Users["facilitator"].Id),
            (o!.Mark, o.Note, o.CorrectedById)
        );
        Assert.True(o.Present);
        var p = await RowAsync(s, participant.Id);
        Assert.Equal((AttendanceMark.Absent, 42), (p!.Mark, p.Minutes));
        Assert.False(p.Present);
        Assert.Contains("0 of 1 participants present", (await fac.GetAsync(page)).Text);

        var csv = await fac.Http.GetAsync(csvUrl);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("Name,Role,Attendance,First joined (Europe/London),Minutes", lines[0]);
        Assert.Contains(
            lines,
            l =>
                l.StartsWith($"{participant.DisplayName},participant,absent,", StringComparison.Ordinal)
                && l.Contains(",42,")
        );
        Assert.Contains(
            lines,
            l =>
                l.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",observer,present,", StringComparison.Ordinal)
                && l.EndsWith(",marked present,joined by phone", StringComparison.Ordinal)
        );

        // Back to "as recorded": the participant is present again, from the live room's record.
        await fac.PostFormAsync(
            page,
            Form(("userId", participant.Id), ("mark", "recorded"), ("note", "")),
            page + "?handler=Correct"
        );
        var all = Encoding
            .UTF8.GetString(await fac.Http.GetByteArrayAsync(cohortCsv))
            .TrimStart('\uFEFF')
            .Split("\r\n");
        var date = now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"Name,Role,Sessions present,{date} ", all[0]);
        Assert.EndsWith($",{date} minutes", all[0]);
        Assert.Contains($"{participant.DisplayName},participant,1,present,42", all);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",observer,1,present,0", all);
    }

    private static Task<Domain.Attendance?> RowAsync(CohortScenario s, string userId) =>
        s.App.WithDbAsync(db =>
            db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == s.SessionId && a.UserId == userId)
        );
}
