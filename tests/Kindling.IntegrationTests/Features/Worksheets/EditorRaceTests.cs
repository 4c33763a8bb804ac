using Kindling.Data;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>Saves that start from the same version and run at the same moment: the version check-and-increment is
/// atomic, so no save is lost and no version number is used twice.</summary>
[Collection(SecondAppCollection.Name)]
public class EditorRaceTests(Apps apps)
{
    private static async Task<SaveWorksheet.Outcome> SaveAsync(
        WorksheetEditorScenario s,
        string field,
        string value,
        string userId
    )
    {
        using var scope = s.App.Services.CreateScope();
        var saver = scope.ServiceProvider.GetRequiredService<SaveWorksheet>();
        var data = WorksheetData.Empty();
        data.Set("vision", "");
        data.Set("mission", "");
        data.Set(field, value);
        return await saver.SaveAsync(s.WorksheetId, WorksheetEditorScenario.Template, 1, data, userId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentSaves_DifferentFields_BothLand(string provider)
    {
        var s = await WorksheetEditorScenario.CreateAsync(await apps.GetAsync(provider));
        var outcomes = await Task.WhenAll(
            SaveAsync(s, "vision", "Gardens everywhere", s.Cohort.Users["participant"].Id),
            SaveAsync(s, "mission", "We swap seeds", s.Cohort.Users["facilitator"].Id)
        );

        Assert.All(outcomes, o => Assert.IsType<SaveWorksheet.Saved>(o));
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((3, 3), (version, versions));
        Assert.Equal(("Gardens everywhere", "We swap seeds"), (data.GetText("vision"), data.GetText("mission")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentSaves_SameField_OneSavesTheOtherGetsAConflict(string provider)
    {
        var s = await WorksheetEditorScenario.CreateAsync(await apps.GetAsync(provider));
        var outcomes = await Task.WhenAll(
            SaveAsync(s, "vision", "Gardens everywhere", s.Cohort.Users["participant"].Id),
            SaveAsync(s, "vision", "Seeds for all", s.Cohort.Users["facilitator"].Id)
        );

        var saved = Assert.Single(outcomes.OfType<SaveWorksheet.Saved>());
        var conflict = Assert.Single(outcomes.OfType<SaveWorksheet.Conflict>());
        Assert.Equal(["vision"], conflict.Fields);
        var (version, data, versions) = await s.StateAsync();
        Assert.Equal((2, 2), (version, versions));
        Assert.Equal(conflict.Theirs.GetText("vision"), data.GetText("vision"));
        Assert.Equal(2, saved.Version);
    }
}
