using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Kernel;

namespace Kindling.Tests.LiveSession;

/// <summary>The replay log after an account is deleted: the person's name and id leave every broadcast they were
/// in, their deleted words leave too, and everyone else's stay as they were.</summary>
public class FormerAuthorsTests
{
    private const string Me = "user-me";
    private static readonly Guid Mine = Guid.NewGuid();
    private static readonly Guid MineDeleted = Guid.NewGuid();
    private static readonly Guid Theirs = Guid.NewGuid();
    private static readonly FormerAuthors.Items Items = new(
        Me,
        new HashSet<Guid> { Mine, MineDeleted },
        new HashSet<Guid> { MineDeleted }
    );
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTime At = new(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc);

    private static JsonNode Node(object data) => JsonSerializer.SerializeToNode(data, Web)!;

    private static ResponseView Response(Guid id, string? author, string text, bool anonymous = false) =>
        new(id, Guid.NewGuid(), author, anonymous, false, text, false, false, At, At);

    [Fact]
    public void Rename_TheirResponse_NamesAFormerMember_OthersUntouched()
    {
        var reveal = Node(
            new { responses = new[] { Response(Mine, "Ann", "Our club"), Response(Theirs, "Bo", "Mine") } }
        );
        Assert.True(FormerAuthors.Rename(reveal, Items));
        var read = reveal["responses"]!.Deserialize<List<ResponseView>>(Web)!;
        Assert.Equal((FormerMember.Name, "Our club"), (read[0].AuthorName, read[0].Text));
        Assert.Equal(("Bo", "Mine"), (read[1].AuthorName, read[1].Text));
    }

    [Fact]
    public void Rename_AnAnonymousResponse_StaysWithoutAName()
    {
        var node = Node(Response(Mine, null, "Afraid nobody comes", anonymous: true));
        Assert.False(FormerAuthors.Rename(node, Items));
        Assert.Null(node.Deserialize<ResponseView>(Web)!.AuthorName);
    }

    [Fact]
    public void Rename_AResponseTheyDeleted_LosesItsText()
    {
        var node = Node(Response(MineDeleted, "Ann", "Something I took back"));
        Assert.True(FormerAuthors.Rename(node, Items));
        var read = node.Deserialize<ResponseView>(Web)!;
        Assert.Equal((FormerMember.Name, ""), (read.AuthorName, read.Text));
    }

    [Fact]
    public void Rename_TheirBreakoutPlace_LosesTheirIdAndName()
    {
        var node = Node(
            new
            {
                groups = new[]
                {
                    new
                    {
                        members = new[] { new BreakoutMemberView(Me, "Ann"), new BreakoutMemberView("other", "Bo") },
                    },
                },
            }
        );
        Assert.True(FormerAuthors.Rename(node, Items));
        var text = node.ToJsonString();
        Assert.DoesNotContain(Me, text);
        Assert.DoesNotContain("Ann", text);
        Assert.Contains("\"userId\":\"other\",\"name\":\"Bo\"", text);
    }

    [Fact]
    public void Rename_APayloadWithoutThem_IsLeftAlone()
    {
        var node = Node(Response(Theirs, "Bo", "Hello"));
        var before = node.ToJsonString();
        Assert.False(FormerAuthors.Rename(node, Items));
        Assert.Equal(before, node.ToJsonString());
    }
}
