using System.Text.Json;
using Kindling.Domain;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;
using static Kindling.Tests.Charter.CharterSamples;
using static Kindling.Tests.Worksheets.FieldTypeSamples;

namespace Kindling.Tests.Worksheets;

/// <summary>
/// Every registered field type supplies every aspect, and the template parser, the editor form and the charter know
/// exactly the registered types: a template using each parses, each is filled in the form and shows in the charter.
/// </summary>
public class FieldTypeRegistryTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "src", "Kindling.Web");

    public static TheoryData<string> Names => [.. FieldTypes.All];

    [Fact]
    public void Registry_EveryTypeHasItsFolderClassPartialsAndScriptAndASample()
    {
        Assert.Equal(FieldTypes.All.Order(), Samples.Keys.Order());
        Assert.Equal(FieldTypes.All.Count, FieldTypes.All.Distinct().Count());
        foreach (var type in FieldTypes.Types)
        {
            var folder = Path.Combine(Web, type.Folder.TrimStart('/'));
            var classFile = Path.Combine(folder, type.GetType().Name + ".cs");
            Assert.True(File.Exists(classFile), $"{type.Name}: class not in {folder}");
            Assert.StartsWith(type.Folder + "/", type.EditorPartial);
            Assert.True(File.Exists(Web + type.EditorPartial), $"{type.Name}: no editor partial {type.EditorPartial}");
            if (type.ReadOnlyPartial is { } own)
                Assert.True(
                    own.StartsWith(type.Folder + "/", StringComparison.Ordinal) && File.Exists(Web + own),
                    $"{type.Name}: {own}"
                );
            if (type.Script is { } script)
                Assert.True(File.Exists(Path.Combine(Web, "wwwroot") + script), $"{type.Name}: no script {script}");
        }
    }

    [Fact]
    public void Parser_ATemplateUsingEveryRegisteredType_ParsesWithThoseTypes()
    {
        Assert.Equal(FieldTypes.All, Everything().Fields.Select(f => f.Type));
    }

    [Theory, MemberData(nameof(Names))]
    public void Parser_KeysATypeDoesNotTake_AreRejected(string name)
    {
        var keys = FieldTypes.Of(name).Keys;
        foreach (var (key, line) in new[] { ("columns", "[A, B]"), ("options", "[A, B]"), ("multiple", "true") })
        {
            if (keys.Of(key) != KeyUse.NotAllowed)
                continue;
            var (_, errors) = TemplateParser.Parse(
                "t.template.yml",
                Yaml(t => t.Name == name ? $"        {key}: {line}\n" : "")
            );
            Assert.Contains(
                errors,
                e =>
                    e.Message.StartsWith($"'{key}' only applies to ", StringComparison.Ordinal)
                    && e.Message.EndsWith($"; '{name}' is a {name} field.", StringComparison.Ordinal)
            );
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void EveryType_FilledInTheEditorForm_ReadsBackAndShowsInLinesCharterAndPicture(string name)
    {
        var template = Everything();
        var field = template.Field(name)!;
        var type = FieldTypes.Of(field);
        var form = WorksheetForm.ToForm(template, WorksheetData.Empty());
        Samples[name].Fill(form, FormState.Key(field.Id));

        var (data, errors) = WorksheetForm.Read(template, form);

        Assert.Empty(errors);
        Assert.NotEmpty(type.Lines(field, data));
        Assert.Equal(data.RawOf(name), WorksheetForm.Canonical(template, data).RawOf(name));
        var sheet = Sheet(template, Now, _ => { });
        sheet.DataJson = data.ToJson();
        var charter = CharterCompiler.Compile("P", "", [sheet], [], Now);
        var text = string.Join("\n", charter.Sections.SelectMany(s => s.Blocks).Select(Text));
        Assert.All(Samples[name].Shows, words => Assert.Contains(words, text));
        var pictures = charter.Sections.SelectMany(s => s.Blocks).OfType<DiagramBlock>().ToList();
        Assert.Equal(type.HasPicture, type.Picture(field, data) is not null);
        string[] drawn = type.HasPicture ? [name] : [];
        Assert.Equal(drawn, pictures.Select(p => p.Kind));
        Assert.All(pictures, p => Assert.StartsWith("<svg", CharterDiagrams.Svg(p)));
    }

    [Theory, MemberData(nameof(Names))]
    public void EveryType_FreshCopyOrMissingValue_WritesNothingAndDrawsItsEmptyPicture(string name)
    {
        var template = Everything();
        var field = template.Field(name)!;
        var type = FieldTypes.Of(field);
        var project = new Project
        {
            CohortId = Guid.NewGuid(),
            Name = "P",
            CreatedUtc = Now,
            CreatedById = "u",
        };
        var fresh = WorksheetData.Parse(
            MakeCopy.Create(project, template, "u", Now, ProjectContext.None).Worksheet.DataJson
        );

        Assert.Empty(type.Blocks(field, fresh));
        Assert.Empty(type.Blocks(field, WorksheetData.Empty()));
        Assert.Empty(type.Lines(field, WorksheetData.Empty()));
        var missing = JsonSerializer.SerializeToElement<object?>(null);
        if (type.HasPicture)
        {
            Assert.NotNull(type.Picture(field, WorksheetData.Empty()));
            Assert.True(type.Picture(missing).Width > 0);
        }
        else
        {
            Assert.Null(type.Picture(field, WorksheetData.Empty()));
            Assert.Throws<InvalidOperationException>(() => type.Picture(missing));
        }
    }

    private static string Text(CharterBlock block) =>
        block switch
        {
            ParagraphBlock p => $"{p.Label}\n{p.Text}",
            ListBlock l => string.Join("\n", l.Items.Prepend(l.Label ?? "")),
            TableBlock t => string.Join("\n", t.Columns.Concat(t.Rows.SelectMany(r => r)).Prepend(t.Label ?? "")),
            DiagramBlock d => d.Title,
            _ => "",
        };
}
