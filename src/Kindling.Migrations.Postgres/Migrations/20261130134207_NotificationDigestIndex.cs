using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kindling.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDigestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AwaitingDigest_UserId",
                table: "Notifications",
                columns: new[] { "AwaitingDigest", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_AwaitingDigest_UserId",
                table: "Notifications");
        }
    }
}
