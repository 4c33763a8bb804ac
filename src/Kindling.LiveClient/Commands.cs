namespace Kindling.LiveClient;

// Every command carries a ClientKey: send the same key again when retrying and the change is applied once.

public sealed record AddResponse(Guid SessionId, Guid SectionId, string Text, bool Anonymous, string ClientKey);

public sealed record EditResponse(Guid SessionId, Guid ResponseId, string Text, string ClientKey);

public sealed record DeleteResponse(Guid SessionId, Guid ResponseId, string ClientKey);

public sealed record RollCall(Guid SessionId, string Answer, string ClientKey);

/// <summary>Facilitator: hide or show, pin or unpin, or move a response to another prompt.</summary>
public sealed record ModerateResponse(
    Guid SessionId,
    Guid ResponseId,
    bool? Hidden,
    bool? Pinned,
    Guid? MoveToSectionId,
    string ClientKey
);

public sealed record AddPrompt(Guid SessionId, int ActivityIndex, string Prompt, string ClientKey);

public sealed record MovePrompt(Guid SessionId, Guid SectionId, int Position, string ClientKey);

public sealed record SetSilent(Guid SessionId, Guid SectionId, bool Silent, string ClientKey);

public sealed record Reveal(Guid SessionId, Guid SectionId, string ClientKey);

/// <summary>Facilitator: start, pause, resume, extend (by Minutes) or end the current activity's timer.</summary>
public sealed record TimerCommand(Guid SessionId, string Action, int? Minutes, string ClientKey);

public sealed record GotoActivity(Guid SessionId, int ActivityIndex, string ClientKey);

public sealed record SetLocked(Guid SessionId, bool Locked, string ClientKey);

public static class TimerActions
{
    public const string Start = "start",
        Pause = "pause",
        Resume = "resume",
        Extend = "extend",
        End = "end";
}
