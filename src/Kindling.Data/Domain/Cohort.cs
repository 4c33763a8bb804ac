namespace Kindling.Domain;

public enum CohortRole
{
    Participant = 0,
    Observer = 1,
    Facilitator = 2,
}

public class Cohort
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>IANA id; sessions are entered in this zone and stored as UTC instants.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public Guid CurriculumId { get; set; }
    public Curriculum? Curriculum { get; set; }
    public string Guidelines { get; set; } = "";
    public string CodeOfConduct { get; set; } = "";

    /// <summary>Secret for the calendar feed URL; resetting it invalidates old subscriptions.</summary>
    public string CalendarToken { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedById { get; set; } = "";

    /// <summary>Cohort policy: may facilitators see who wrote an anonymous response? Peers never can.</summary>
    public bool FacilitatorsSeeAnonymousAuthors { get; set; }

    /// <summary>Cohort policy: facilitators must sign in with a second factor to open the cohort.</summary>
    public bool RequireTwoFactorForFacilitators { get; set; }
    public List<CohortMember> Members { get; set; } = [];
    public List<Session> Sessions { get; set; } = [];

    public CohortMember AddMember(string userId, CohortRole role, DateTime nowUtc)
    {
        if (Members.Any(m => m.UserId == userId))
            throw new DomainException("This person is already a member of the cohort.");
        var member = new CohortMember
        {
            CohortId = Id,
            UserId = userId,
            Role = role,
            JoinedUtc = nowUtc,
        };
        Members.Add(member);
        return member;
    }
}

public class CohortMember
{
    public Guid CohortId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public CohortRole Role { get; set; }
    public DateTime JoinedUtc { get; set; }

    /// <summary>When the member acknowledged the guidelines and code of conduct; null until then.</summary>
    public DateTime? AcknowledgedUtc { get; set; }

    /// <summary>The member agreed to exchange peer feedback with people of other cohorts of the same
    /// curriculum.</summary>
    public bool PeerFeedbackAcrossCohorts { get; set; }
}
