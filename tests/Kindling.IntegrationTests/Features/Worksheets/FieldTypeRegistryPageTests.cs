using System.Net;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>The worksheet page renders whatever the registry holds: each registered type's editor, picture, script
/// and read-only view, for a template built from the registry rather than from a list kept here.</summary>
[Collection(SecondAppCollection.Name)]
public class FieldTypeRegistryPageTests(Apps apps)
{
    private static readonly WorksheetTemplate Registered = new(
        "registered",
        "lesson",
        "Every registered type",
        "",
        [
            new TemplateSection(
                "All",
                "",
                FieldTypes
                    .Types.Select(t => new TemplateField(
                        t.Name,
                        t.Name,
                        $"The {t.Name}",
                        "",
                        [],
                        t.Keys.Columns == KeyUse.NotAllowed ? [] : ["What", "Who"],
                        t.Keys.Options == KeyUse.NotAllowed ? [] : ["Alpha", "Beta"]
                    ))
                    .ToList()
            ),
        ]
    );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryRegisteredType_RendersItsEditorPictureScriptAndReadOnlyView(string provider)
    {
        var s = await WorksheetEditorScenario.CreateAsync(await apps.GetAsync(provider));
        var observerId = s.Cohort.Users["observer"].Id;
        await s.App.WithDbAsync(async db =>
        {
            await db
                .Worksheets.Where(w => w.Id == s.WorksheetId)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(w => w.TemplateJson, JsonSerializer.Serialize(Registered, WorksheetData.Json))
                        .SetProperty(w => w.DataJson, "{}")
                );
            db.WorksheetReviewers.Add(
                new Kindling.Domain.WorksheetReviewer
                {
                    WorksheetId = s.WorksheetId,
                    UserId = observerId,
                    RequestedById = s.Cohort.Users["participant"].Id,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var owner = await s.Cohort.ClientAsAsync("participant");
        using var reviewer = await s.Cohort.ClientAsAsync("observer");

        var editor = await owner.GetAsync(s.Url);
        var readOnly = await reviewer.GetAsync(s.Url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (editor.Status, readOnly.Status));
        foreach (var type in FieldTypes.Types)
        {
            var key = $"f.{type.Name}";
            var inputs = editor.Document.QuerySelectorAll($"#field-{type.Name} [name]");
            var names = inputs.Select(e => e.GetAttribute("name")!);
            Assert.Contains(names, n => n == key || n.StartsWith(key + ".", StringComparison.Ordinal));
            Assert.Equal(type.HasPicture, editor.Document.QuerySelector($"#picture-{type.Name} svg") is not null);
            Assert.NotNull(readOnly.Document.QuerySelector($"#field-{type.Name}"));
        }
        Assert.All(FieldTypes.Scripts, src => Assert.NotNull(editor.Document.QuerySelector($"script[src^='{src}?']")));
        Assert.Empty(readOnly.Document.QuerySelectorAll("main input:not([type=hidden]), main textarea, main select"));
    }
}
