using Kindling.Web.Features.Account;
using Kindling.Web.Features.Admin;
using Kindling.Web.Features.Api;
using Kindling.Web.Features.Attendance;
using Kindling.Web.Features.Backups;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Concerns;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.FollowUp;
using Kindling.Web.Features.Impact;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Features.Messages;
using Kindling.Web.Features.Messages.Notifications;
using Kindling.Web.Features.Overview;
using Kindling.Web.Features.PeerFeedback;
using Kindling.Web.Features.PersonalCalendar;
using Kindling.Web.Features.PersonalData;
using Kindling.Web.Features.Projects;
using Kindling.Web.Features.Schedule;
using Kindling.Web.Features.Webhooks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Infrastructure;

if (await BackupCommands.TryRunAsync(args)) // `backup <file>` / `restore <file>`: an operator's command, no server
    return;

var builder = WebApplication.CreateBuilder(args);

builder.AddKindlingHosting();
builder.AddKindlingIdleMemory();
builder.AddKindlingDatabase();
builder.AddKindlingIdentity();
builder.AddKindlingRateLimits();
builder.AddKindlingApi();
builder.AddKindlingPages();
builder.AddKindlingCompression();
builder.AddKindlingPublicAddress();
builder.AddKindlingHealth();
builder.AddKindlingTelemetry();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCurriculum();
builder.Services.AddSchedule();
builder.AddLiveSessions();
builder.Services.AddWorksheets();
builder.Services.AddCharter();
builder.Services.AddImpact();
builder.Services.AddProjects();
builder.Services.AddPeerFeedback();
builder.Services.AddAdmin();
builder.AddMessages();
builder.Services.AddAccount();
builder.Services.AddConcerns();
builder.AddFollowUp();
builder.AddWebhooks();
builder.Services.AddNotifications();
builder.Services.AddOverview();
builder.Services.AddPersonalData();
builder.Services.AddScoped<Kindling.Web.Features.Invitations.InvitationRedeemer>();

var app = builder.Build();

// The database is prepared (migrations checked, roles, built-in curriculum, first admin) beside the pipeline's set-up
// below, on another processor: a cold start takes the longer of the two, not their sum (docs/performance.md).
var preparing = Task.Run(app.PrepareDatabaseAsync);
app.UseKindlingProxies();
app.MapKindlingHealth(); // the probes are answered before compression, pages, sign-in and error pages
app.UseResponseCompression();
app.MapKindlingMetrics(); // so is the scrape, compressed
app.UseKindlingErrorPages();
app.UseKindlingApiErrors();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseKindlingPrivateResponses();
app.UseAuthorization();
app.UseRateLimiter();
app.MapRazorPages();
app.MapCurriculumEndpoints();
app.MapCalendarEndpoints();
app.MapPersonalCalendar();
app.MapLiveSessions();
app.MapCharterEndpoints();
app.MapImpactEndpoints();
app.MapOverview();
app.MapAttendance();
app.UseHubOriginCheck(NotificationsHub.Path); // the bell's hub refuses other sites' pages, as the live hub does
app.MapNotifications();
app.MapKindlingApi();
await preparing; // nothing is served, and no banner printed, before the database is ready
app.PrintStartupBanner();

app.Run();

public partial class Program;
