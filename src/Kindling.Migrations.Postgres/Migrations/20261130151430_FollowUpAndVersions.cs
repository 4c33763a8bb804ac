using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kindling.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LessonVersionId",
                table: "Sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "SessionFeedback",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PeerFeedbackAcrossCohorts",
                table: "CohortMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Attendance",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    FirstJoinedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    LastMinute = table.Column<int>(type: "integer", nullable: false),
                    RollCallUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Mark = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CorrectedById = table.Column<string>(type: "text", nullable: true),
                    CorrectedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendance", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_Attendance_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attendance_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LessonVersions_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BalanceField = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    AcrossCohorts = table.Column<bool>(type: "boolean", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerRounds_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionWrapUps",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedById = table.Column<string>(type: "text", nullable: true),
                    NotesPublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MessageSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MessageMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    MessageEditedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MessageEditedById = table.Column<string>(type: "text", nullable: true),
                    MessageSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MessageSentById = table.Column<string>(type: "text", nullable: true),
                    RecordingUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SlidesUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordingNoticeSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionWrapUps", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_SessionWrapUps_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CohortLessonPins",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PinnedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortLessonPins", x => new { x.CohortId, x.LessonId });
                    table.ForeignKey(
                        name: "FK_CohortLessonPins_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CohortLessonPins_LessonVersions_LessonVersionId",
                        column: x => x.LessonVersionId,
                        principalTable: "LessonVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CohortLessonPins_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonVersionAnswers",
                columns: table => new
                {
                    LessonVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    MarkedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MarkedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonVersionAnswers", x => new { x.LessonVersionId, x.FeedbackId });
                    table.ForeignKey(
                        name: "FK_LessonVersionAnswers_LessonVersions_LessonVersionId",
                        column: x => x.LessonVersionId,
                        principalTable: "LessonVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LessonVersionAnswers_SessionFeedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "SessionFeedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupNumber = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "text", nullable: false),
                    WorksheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReminderUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviews_PeerRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PeerRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviews_Worksheets_WorksheetId",
                        column: x => x.WorksheetId,
                        principalTable: "Worksheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_LessonVersionId",
                table: "Sessions",
                column: "LessonVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_UserId",
                table: "Attendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortLessonPins_LessonId",
                table: "CohortLessonPins",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortLessonPins_LessonVersionId",
                table: "CohortLessonPins",
                column: "LessonVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonVersionAnswers_FeedbackId",
                table: "LessonVersionAnswers",
                column: "FeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonVersions_LessonId_Number",
                table: "LessonVersions",
                columns: new[] { "LessonId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_ReviewerId",
                table: "PeerReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_RoundId_ReviewerId_WorksheetId",
                table: "PeerReviews",
                columns: new[] { "RoundId", "ReviewerId", "WorksheetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_WorksheetId",
                table: "PeerReviews",
                column: "WorksheetId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerRounds_CohortId",
                table: "PeerRounds",
                column: "CohortId");

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_LessonVersions_LessonVersionId",
                table: "Sessions",
                column: "LessonVersionId",
                principalTable: "LessonVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_LessonVersions_LessonVersionId",
                table: "Sessions");

            migrationBuilder.DropTable(
                name: "Attendance");

            migrationBuilder.DropTable(
                name: "CohortLessonPins");

            migrationBuilder.DropTable(
                name: "LessonVersionAnswers");

            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropTable(
                name: "SessionWrapUps");

            migrationBuilder.DropTable(
                name: "LessonVersions");

            migrationBuilder.DropTable(
                name: "PeerRounds");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_LessonVersionId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LessonVersionId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "SessionFeedback");

            migrationBuilder.DropColumn(
                name: "PeerFeedbackAcrossCohorts",
                table: "CohortMembers");
        }
    }
}
