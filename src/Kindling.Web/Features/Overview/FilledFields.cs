using System.Text.Json;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// How many of a template's fields a worksheet has filled in, counted on the server and never shown: a field counts
/// once its type would put something in the charter (<see cref="FieldType.Blocks"/>), the types' own rule for "the
/// person has written it"; so the starting values of a fresh copy (an untouched mountain, unrated skills) do not.
/// </summary>
public static class FilledFields
{
    public static int Count(WorksheetTemplate template, string dataJson)
    {
        WorksheetData data;
        try
        {
            data = WorksheetData.Parse(dataJson);
        }
        catch (JsonException)
        {
            return 0;
        }
        return template.Fields.Count(f => FieldTypes.IsKnown(f.Type) && FieldTypes.Of(f).Blocks(f, data).Count > 0);
    }

    /// <summary>The state of one copy: shared, being filled (something written) or only copied.</summary>
    public static Progress Of(WorksheetTemplate template, string dataJson, bool shared)
    {
        var fields = template.Fields.Count();
        var filled = Count(template, dataJson);
        var state =
            shared ? ProgressState.Shared
            : filled > 0 ? ProgressState.BeingFilled
            : ProgressState.Copied;
        return new Progress(state, filled, fields);
    }
}
