using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kindling.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModulesSlidesTemplateEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SlidesUrl",
                table: "Sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedById",
                table: "AssignmentTemplates",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedUtc",
                table: "AssignmentTemplates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileSource",
                table: "AssignmentTemplates",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Templates stored before this column were as imported or shipped: their text is the file's.
            migrationBuilder.Sql("UPDATE \"AssignmentTemplates\" SET \"FileSource\" = \"Source\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SlidesUrl",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "EditedById",
                table: "AssignmentTemplates");

            migrationBuilder.DropColumn(
                name: "EditedUtc",
                table: "AssignmentTemplates");

            migrationBuilder.DropColumn(
                name: "FileSource",
                table: "AssignmentTemplates");
        }
    }
}
