using Kindling.Web.Infrastructure.Reads;

namespace Kindling.Tests.Infrastructure.Reads;

public class TableVersionsTests
{
    [Fact]
    public void ReadStillHolds_UntilATableItReadIsWritten()
    {
        var versions = new TableVersions();
        var since = versions.Now;

        versions.Written(["Notifications"]);
        Assert.True(versions.Unchanged(["Cohorts", "Sessions"], since));

        versions.Written(["Sessions", "Worksheets"]);
        Assert.False(versions.Unchanged(["Cohorts", "Sessions"], since));
        Assert.True(versions.Unchanged(["Cohorts", "Sessions"], versions.Now));
    }

    [Fact]
    public void TableNames_MatchWhateverTheCase()
    {
        var versions = new TableVersions();
        var since = versions.Now;

        versions.Written(["cohorts"]);

        Assert.False(versions.Unchanged(["Cohorts"], since));
    }

    [Fact]
    public void WritingEverything_OutdatesEveryEarlierRead_NotLaterOnes()
    {
        var versions = new TableVersions();
        var since = versions.Now;

        versions.WrittenEverything();

        Assert.False(versions.Unchanged(["Cohorts"], since));
        Assert.False(versions.Unchanged([], since));
        Assert.True(versions.Unchanged(["Cohorts"], versions.Now));
    }

    [Fact]
    public void ConcurrentWriters_TheLatestNumberWins()
    {
        // Writers record their numbers in any order; a read that began between two writes must see the later one.
        var versions = new TableVersions();
        var reads = new List<long>();
        Parallel.For(
            0,
            10_000,
            i =>
            {
                if (i % 100 == 0)
                    lock (reads)
                        reads.Add(versions.Now);
                versions.Written(["Sessions"]);
            }
        );

        Assert.All(reads, since => Assert.False(versions.Unchanged(["Sessions"], since)));
    }
}
