using System.Collections.Concurrent;
using System.Reflection;
using Kindling.LiveClient;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Refuses a hub call whose text holds a character no database here can store (<see
/// cref="Text.HasUnstorableCharacters"/>),
/// before any command runs: forms are guarded by FormGuard, this guards the live room. The caller gets the usual
/// refusal (an <see cref="Ack"/> with a sentence) and nothing is stored.
/// </summary>
public sealed class UnstorableTextFilter : IHubFilter
{
    public const string Refusal =
        "The text contains a control character Kindling can't store. Remove it and send again.";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TextProperties = new();

    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext context,
        Func<HubInvocationContext, ValueTask<object?>> next
    )
    {
        if (!context.HubMethodArguments.Any(HasUnstorableText))
            return next(context);
        var returns = context.HubMethod.ReturnType;
        if (returns == typeof(Task<Ack>) || returns == typeof(Ack))
            return ValueTask.FromResult<object?>(Ack.Fail(Refusal));
        throw new HubException(Refusal);
    }

    private static bool HasUnstorableText(object? argument) =>
        argument switch
        {
            null => false,
            string s => Text.HasUnstorableCharacters(s),
            _ => TextProperties
                .GetOrAdd(
                    argument.GetType(),
                    t => t.GetProperties().Where(p => p.PropertyType == typeof(string)).ToArray()
                )
                .Any(p => Text.HasUnstorableCharacters((string?)p.GetValue(argument))),
        };
}
