using System.Collections.Concurrent;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// <c>Logging:Console:FormatterName=json</c> alone gives log lines a log collector can parse: scopes with the trace id,
/// a UTC timestamp, and the start-up lines as entries with named properties instead of plain console text.
/// </summary>
public class JsonLogsTests
{
    [Fact]
    public async Task JsonFormatter_Configured_ScopesTimestampsAndStructuredStartupLines()
    {
        var captured = new Capture();
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" },
            s => s.AddSingleton<ILoggerProvider>(captured)
        );
        _ = app.Server; // starts the app: the start-up lines are written once it has started

        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        Assert.False(string.IsNullOrEmpty(json.TimestampFormat));
        var tracking = app.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId));

        var running = Assert.Single(
            captured.Entries,
            e => e.Message.StartsWith("Kindling is running at", StringComparison.Ordinal)
        );
        Assert.Equal("Kindling.Startup", running.Category);
        Assert.Contains("Url", running.Properties.Keys);
        Assert.Contains("Version", running.Properties.Keys);
        var database = Assert.Single(
            captured.Entries,
            e => e.Message.StartsWith("Database: ", StringComparison.Ordinal)
        );
        Assert.Contains("SQLite file", database.Properties["Database"]?.ToString());
        Assert.Equal("Database: {Database}", database.Properties["{OriginalFormat}"]);
    }

    [Fact]
    public async Task JsonFormatter_ScopesTurnedOffInSettings_SettingWins()
    {
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string>
            {
                ["Logging:Console:FormatterName"] = "json",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "false",
            }
        );

        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.False(json.IncludeScopes);
    }

    private sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, object?> Properties);

    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(Capture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.ToDictionary(p => p.Key, p => p.Value)
                    : new Dictionary<string, object?>();
                owner.Entries.Enqueue(new Entry(category, formatter(state, exception), properties));
            }
        }
    }
}
