namespace Kindling.Domain;

/// <summary>A rule of the domain was broken; the message is a sentence for people.</summary>
public class DomainException(string message) : Exception(message);
