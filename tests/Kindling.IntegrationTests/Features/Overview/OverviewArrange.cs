using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>Rows for overview tests, written straight into the database (no sign-in needed for these people).</summary>
internal static class OverviewArrange
{
    public static string Url(CohortScenario s, string rest = "") => $"/cohorts/{s.CohortId}/overview{rest}";

    /// <summary>An account nobody signs in to (no password hashing), with this display name.</summary>
    public static AppUser Person(string name, DateTime now)
    {
        var email = $"p-{Guid.NewGuid():N}@example.org";
        return new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name,
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedUtc = now,
        };
    }

    /// <summary>Adds admitted members with these display names to the cohort; returns them by name.</summary>
    public static async Task<Dictionary<string, AppUser>> MembersAsync(
        KindlingDb db,
        Guid cohortId,
        DateTime now,
        params string[] names
    )
    {
        var people = names.ToDictionary(n => n, n => Person(n, now));
        foreach (var p in people.Values)
        {
            db.Users.Add(p);
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = cohortId,
                    UserId = p.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
        }
        await db.SaveChangesAsync();
        return people;
    }

    /// <summary>Sessions that have started (a week apart, the last one a week ago), each with its live
    /// document.</summary>
    public static async Task<List<Session>> HeldSessionsAsync(KindlingDb db, Guid cohortId, DateTime now, int count)
    {
        var lessons = await db
            .Cohorts.Where(c => c.Id == cohortId)
            .SelectMany(c => db.Lessons.Where(l => l.CurriculumId == c.CurriculumId))
            .OrderBy(l => l.Order)
            .Select(l => l.Id)
            .ToListAsync();
        var sessions = Enumerable
            .Range(0, count)
            .Select(i => new Session
            {
                CohortId = cohortId,
                LessonId = lessons[i % lessons.Count],
                StartsUtc = now.AddDays(-7 * (count - i)),
                CreatedUtc = now,
                UpdatedUtc = now,
            })
            .ToList();
        db.Sessions.AddRange(sessions);
        db.LiveDocuments.AddRange(sessions.Select(s => new LiveDocument { SessionId = s.Id, OpenedUtc = s.StartsUtc }));
        await db.SaveChangesAsync();
        return sessions;
    }

    /// <summary>The first assignment template of the built-in curriculum, as the app parses it.</summary>
    public static async Task<WorksheetTemplate> FirstTemplateAsync(KindlingApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var curriculumId = await db.Curricula.Where(c => c.Slug == "foundations").Select(c => c.Id).SingleAsync();
        var all = await scope.ServiceProvider.GetRequiredService<TemplateCatalog>().ForCurriculumAsync(curriculumId);
        return all[0].Template;
    }

    /// <summary>A project owned by <paramref name="owner"/> with a fresh copy of the template; <paramref
    /// name="fill"/> may write into its values before it is stored.</summary>
    public static Worksheet Copy(
        KindlingDb db,
        Guid cohortId,
        AppUser owner,
        WorksheetTemplate template,
        DateTime now,
        Action<WorksheetData>? fill = null
    )
    {
        var project = new Project
        {
            CohortId = cohortId,
            Name = $"Project of {owner.DisplayName}",
            CreatedUtc = now,
            CreatedById = owner.Id,
        };
        project.AddMember(owner.Id, ProjectRole.Owner, now);
        var (worksheet, first) = MakeCopy.Create(project, template, owner.Id, now, ProjectContext.None);
        if (fill is not null)
        {
            var data = WorksheetData.Parse(worksheet.DataJson);
            fill(data);
            worksheet.DataJson = data.ToJson();
            worksheet.Version = 2;
        }
        db.Projects.Add(project);
        db.Worksheets.Add(worksheet);
        db.WorksheetVersions.Add(first);
        return worksheet;
    }
}
