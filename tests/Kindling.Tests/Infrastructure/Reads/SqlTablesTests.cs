using Kindling.Web.Infrastructure.Reads;

namespace Kindling.Tests.Infrastructure.Reads;

/// <summary>
/// Pages keep what they read until a table they read is written: a write this reading misses would leave a page
/// stale, so every form EF Core writes in (both providers) must name its table, and anything unknown must count as
/// writing everything.
/// </summary>
public class SqlTablesTests
{
    [Fact]
    public void Select_WithJoinsAndSubqueries_ReadsEveryTable_WritesNone()
    {
        var use = SqlTables.Of(
            """
            SELECT "c"."Id", (SELECT count(*) FROM "Sessions" AS "s" WHERE "s"."CohortId" = "c"."Id")
            FROM "CohortMembers" AS "c"
            INNER JOIN "AspNetUsers" AS "a" ON "c"."UserId" = "a"."Id"
            LEFT JOIN (SELECT 1 FROM "Copy") AS "t" ON TRUE
            WHERE "c"."UserId" = @__userId_0 AND EXISTS (SELECT 1 FROM "ProjectMembers" AS "p" WHERE "p"."Update" = 1)
            """
        );

        Assert.Equal(["Sessions", "CohortMembers", "AspNetUsers", "Copy", "ProjectMembers"], use.Reads);
        Assert.Empty(use.Writes);
        Assert.False(use.WritesEverything);
    }

    [Theory]
    [InlineData("""INSERT INTO "Notifications" ("Id", "UserId") VALUES (@p0, @p1);""", "Notifications")]
    [InlineData("""INSERT INTO "Responses" ("Id") VALUES (@p0) RETURNING "Seq";""", "Responses")]
    [InlineData("""UPDATE "Cohorts" SET "Name" = @p0 WHERE "Id" = @p1 RETURNING 1;""", "Cohorts")]
    [InlineData("""UPDATE "Sessions" AS "s" SET "LessonVersionId" = @v WHERE "s"."CohortId" = @c""", "Sessions")]
    [InlineData("""UPDATE "Notifications" AS n SET "ReadUtc" = @now WHERE n."UserId" = @u""", "Notifications")]
    [InlineData("""DELETE FROM "CohortLessonPins" WHERE "Id" = @p0 RETURNING 1;""", "CohortLessonPins")]
    [InlineData("""DELETE FROM "ConcernEvents" AS "c" WHERE EXISTS (SELECT 1 FROM "Reports")""", "ConcernEvents")]
    [InlineData("""INSERT OR REPLACE INTO "Fingerprints" VALUES (1)""", "Fingerprints")]
    [InlineData("""TRUNCATE TABLE "OutboxMessages" """, "OutboxMessages")]
    [InlineData("delete from Cohorts where Id = 1", "Cohorts")]
    public void Write_NamesItsTable(string sql, string table)
    {
        var use = SqlTables.Of(sql);

        Assert.Contains(table, use.Writes);
        Assert.False(use.WritesEverything);
    }

    [Fact]
    public void Batch_NamesEveryTableItWrites()
    {
        var use = SqlTables.Of(
            """
            INSERT INTO "Worksheets" ("Id") VALUES (@p0);
            UPDATE "Projects" SET "UpdatedUtc" = @p1 WHERE "Id" = @p2;
            DELETE FROM "WorksheetReviewers" WHERE "Id" = @p3;
            """
        );

        Assert.Equal(["Worksheets", "Projects", "WorksheetReviewers"], use.Writes);
    }

    [Theory]
    [InlineData("""CREATE TABLE "Badges" ("Id" TEXT NOT NULL)""")]
    [InlineData("""ALTER TABLE "Cohorts" ADD "Motto" TEXT NULL;""")]
    [InlineData("""DROP INDEX "IX_Sessions_CohortId";""")]
    [InlineData("""CREATE UNIQUE INDEX "IX_Users_Email" ON "AspNetUsers" ("Email");""")]
    [InlineData("""COPY "Responses" ("Id") FROM STDIN (FORMAT BINARY)""")]
    public void SchemaChangeOrUnreadableWrite_WritesEverything(string sql) =>
        Assert.True(SqlTables.Of(sql).WritesEverything);

    [Theory]
    [InlineData("""SELECT "c"."Copy", "c"."Update", "c"."Delete" FROM "Cohorts" AS "c" """)]
    [InlineData("PRAGMA journal_mode=WAL;")]
    [InlineData("SELECT pg_advisory_lock(4242)")]
    public void ReadWithWriteLikeNames_IsNotAWrite(string sql)
    {
        var use = SqlTables.Of(sql);

        Assert.Empty(use.Writes);
        Assert.False(use.WritesEverything);
    }
}
