using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kindling.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LiveSession : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FacilitatorsSeeAnonymousAuthors",
                table: "Cohorts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LiveDocuments",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AllowAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeedbackClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CurrentSection = table.Column<int>(type: "INTEGER", nullable: false),
                    TimerEndsUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TimerPausedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    TimerDurationMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveDocuments", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_LiveDocuments_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Worked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DidNotWork = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WouldChange = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Surprised = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Plus = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Delta = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionFeedback_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BalanceField = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakoutRounds_LiveDocuments_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveDocuments",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    AudienceUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveEvents_LiveDocuments_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveDocuments",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveQuestions_LiveDocuments_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveDocuments",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveResponses_LiveDocuments_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveDocuments",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Recordable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Silent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RevealedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveSections_LiveDocuments_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveDocuments",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakoutGroups_BreakoutRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "BreakoutRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveQuestionVotes",
                columns: table => new
                {
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveQuestionVotes", x => new { x.QuestionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_LiveQuestionVotes_LiveQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "LiveQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutMembers",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutMembers", x => new { x.RoundId, x.UserId });
                    table.ForeignKey(
                        name: "FK_BreakoutMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreakoutMembers_BreakoutGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "BreakoutGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_BreakoutMembers_BreakoutRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "BreakoutRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutGroups_RoundId_Number",
                table: "BreakoutGroups",
                columns: new[] { "RoundId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutMembers_GroupId",
                table: "BreakoutMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutMembers_UserId",
                table: "BreakoutMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutRounds_SessionId",
                table: "BreakoutRounds",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveEvents_SessionId_ClientKey",
                table: "LiveEvents",
                columns: new[] { "SessionId", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveEvents_SessionId_Seq",
                table: "LiveEvents",
                columns: new[] { "SessionId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveQuestions_SessionId",
                table: "LiveQuestions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveResponses_SessionId_SectionId",
                table: "LiveResponses",
                columns: new[] { "SessionId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveSections_SessionId_Position",
                table: "LiveSections",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionFeedback_SessionId_AuthorId",
                table: "SessionFeedback",
                columns: new[] { "SessionId", "AuthorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreakoutMembers");

            migrationBuilder.DropTable(
                name: "LiveEvents");

            migrationBuilder.DropTable(
                name: "LiveQuestionVotes");

            migrationBuilder.DropTable(
                name: "LiveResponses");

            migrationBuilder.DropTable(
                name: "LiveSections");

            migrationBuilder.DropTable(
                name: "SessionFeedback");

            migrationBuilder.DropTable(
                name: "BreakoutGroups");

            migrationBuilder.DropTable(
                name: "LiveQuestions");

            migrationBuilder.DropTable(
                name: "BreakoutRounds");

            migrationBuilder.DropTable(
                name: "LiveDocuments");

            migrationBuilder.DropColumn(
                name: "FacilitatorsSeeAnonymousAuthors",
                table: "Cohorts");
        }
    }
}
