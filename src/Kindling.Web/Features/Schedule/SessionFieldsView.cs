using Kindling.Domain;

namespace Kindling.Web.Features.Schedule;

public sealed record SessionFieldsView(SessionInput Input, IReadOnlyList<Lesson> Lessons, string Zone);
