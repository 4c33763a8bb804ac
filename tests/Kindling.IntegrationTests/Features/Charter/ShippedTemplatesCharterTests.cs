using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Charter;

/// <summary>Nothing a participant writes in the shipped worksheets is left out of the charter, in any of its
/// forms.</summary>
[Collection(SecondAppCollection.Name)]
public class ShippedTemplatesCharterTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Charter_EveryFieldOfEveryShippedTemplateFilled_EveryValueInPageMarkdownPdfAndDocx(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var written = new List<string>();
        var projectId = await s.App.WithDbAsync(async db =>
        {
            using var scope = s.App.Services.CreateScope();
            var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
            var curriculumId = await db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CurriculumId).FirstAsync();
            var owner = s.Users["participant"].Id;
            var now = s.App.Clock.GetUtcNow().UtcDateTime;
            var project = new Project
            {
                CohortId = s.CohortId,
                Name = "Seed library",
                CreatedUtc = now,
                CreatedById = owner,
            };
            project.AddMember(owner, ProjectRole.Owner, now);
            db.Projects.Add(project);
            var shipped = await catalog.ForCurriculumAsync(curriculumId);
            Assert.Equal(8, shipped.Count);
            foreach (var (_, template) in shipped)
            {
                var (worksheet, first) = MakeCopy.Create(project, template, owner, now, ProjectContext.None);
                var data = WorksheetData.Parse(worksheet.DataJson);
                foreach (var field in template.Fields)
                    written.AddRange(Fill(field, data, $"k{written.Count:D3}"));
                worksheet.DataJson = first.DataJson = data.ToJson();
                db.Worksheets.Add(worksheet);
                db.WorksheetVersions.Add(first);
            }
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var client = await s.ClientAsAsync("participant");
        var url = $"/cohorts/{s.CohortId}/projects/{projectId}/charter";

        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var forms = new Dictionary<string, string>
        {
            ["web page"] = page.Document.QuerySelector("article.charter")!.TextContent,
            ["Markdown"] = (await client.Http.GetStringAsync(url + ".md")).Replace("\\", ""),
            ["PDF"] = PdfTools.Text(await client.Http.GetByteArrayAsync(url + ".pdf")),
            ["DOCX"] = DocxText(await client.Http.GetByteArrayAsync(url + ".docx")),
        };
        foreach (var (form, text) in forms)
        {
            var flat = Regex.Replace(text, @"\s+", " ");
            var missing = written.Where(v => !flat.Contains(v)).ToList();
            Assert.True(missing.Count == 0, $"The {form} leaves out: {string.Join(" | ", missing)}");
        }
    }

    /// <summary>Fills one field with distinct words (made from <paramref name="tag"/>) and returns what the charter
    /// must show.</summary>
    private static IEnumerable<string> Fill(TemplateField field, WorksheetData data, string tag)
    {
        var n = 0;
        string W() => $"{tag}{(char)('a' + n++)}";
        switch (field.Type)
        {
            case FieldTypes.Text or FieldTypes.LongText:
            {
                var v = W();
                data.Set(field.Id, v);
                return [v];
            }
            case FieldTypes.List:
            {
                List<string> v = [W(), W()];
                data.Set(field.Id, v);
                return v;
            }
            case FieldTypes.Date:
                data.Set(field.Id, "2027-03-14");
                return ["14 March 2027"];
            case FieldTypes.Choice when field.Multiple:
            {
                List<string> v = [field.Options[0], field.Options[^1]];
                data.Set(field.Id, v);
                return v;
            }
            case FieldTypes.Choice:
                data.Set(field.Id, field.Options[1]);
                return [field.Options[1]];
            case FieldTypes.Table:
            {
                var row = field.Columns.Select(_ => W()).ToList();
                data.Set(field.Id, new List<List<string>> { row });
                return row;
            }
            case FieldTypes.StakeholderMap:
            {
                var v = new Stakeholder(W(), W(), W(), 8, 3);
                data.Set(field.Id, new[] { v });
                return [v.Name, v.Role, v.Participation];
            }
            case FieldTypes.Channels:
            {
                var v = new ChannelMap([new(W(), W())], [new(W(), W())], [new(W(), W())]);
                data.Set(field.Id, v);
                return v
                    .Primary.Concat(v.Asynchronous)
                    .Concat(v.Synchronous)
                    .SelectMany(c => new[] { c.Name, c.Purpose });
            }
            case FieldTypes.Mountain:
            {
                var v = new MountainLevel(W(), W(), W(), W(), W(), W(), W());
                data.Set(field.Id, new[] { v });
                return [v.Name, v.Who, v.Actions, v.Pathways, v.Gives, v.Gets, v.Recognition];
            }
            case FieldTypes.Skills:
            {
                var v = SkillAreas.All.Select(a => new SkillRating(a, 3, 2, W(), W())).ToList();
                data.Set(field.Id, v);
                return v.SelectMany(r => new[] { r.Gaps, r.WhoCouldFill });
            }
            case FieldTypes.Values:
            {
                List<string> chosen = [W(), W(), W()];
                var v = new CoreValues(chosen, chosen[0], W(), [W()]);
                data.Set(field.Id, v);
                return [.. chosen, v.Definition, v.Examples[0]];
            }
            case FieldTypes.Roadmap:
            {
                var v = new Milestone(W(), "2027-06-01", W(), W(), W());
                data.Set(field.Id, new[] { v });
                return [v.Title, v.Scope, v.Resources, v.Risks];
            }
            case FieldTypes.Success:
            {
                var v = new SuccessDefinition(W(), W(), W());
                data.Set(field.Id, v);
                return [v.SixMonths, v.TwelveMonths, v.TwentyFourMonths];
            }
            case FieldTypes.Practices:
            {
                var v = new PracticeRow(W(), "partly", W(), W());
                data.Set(field.Id, new[] { v });
                return [v.Practice, v.Evidence, v.Next];
            }
            case FieldTypes.EventTimeline:
            {
                var v = new EventTask("before", W(), W(), W(), true);
                data.Set(field.Id, new[] { v });
                return [v.When, v.Task, v.Owner];
            }
            case FieldTypes.Indicators:
            {
                var v = new ImpactIndicator(W(), 12, W(), W(), W(), W(), "on-track", "both", W());
                data.Set(field.Id, new[] { v });
                return [v.Indicator, v.Success, v.Baseline, v.Target, v.Current, v.Audience];
            }
            default:
                throw new InvalidOperationException($"No filler for field type {field.Type}: add one.");
        }
    }

    private static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        return string.Join(
            " ",
            Regex
                .Matches(xml, "<w:t(?: [^>]*)?>([^<]*)</w:t>")
                .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
        );
    }
}
