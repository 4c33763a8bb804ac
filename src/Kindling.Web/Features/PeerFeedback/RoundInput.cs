namespace Kindling.Web.Features.PeerFeedback;

/// <summary>The form that arranges a round. The due time is a wall-clock date and time in the facilitator's
/// zone.</summary>
public sealed class RoundInput
{
    public const int PairRows = 12;

    public string? Template { get; set; }
    public bool Across { get; set; }
    public string Mode { get; set; } = PeerModes.Random;
    public string? BalanceField { get; set; }
    public int GroupSize { get; set; } = 2;
    public DateOnly? DueDate { get; set; }
    public TimeOnly? DueTime { get; set; }
    public List<PairInput> Pairs { get; set; } = [];
}

/// <summary>One "reviewer gives feedback on worksheet" row of the by-hand form; rows left empty are skipped.</summary>
public sealed class PairInput
{
    public string? ReviewerId { get; set; }
    public Guid? WorksheetId { get; set; }
}

public static class PeerModes
{
    public const string Hand = "hand";
    public const string Random = "random";
    public const string Balanced = "balanced";
    public static readonly IReadOnlyList<string> All = [Hand, Random, Balanced];
}
