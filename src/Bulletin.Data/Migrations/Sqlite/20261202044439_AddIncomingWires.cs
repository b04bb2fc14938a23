using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddIncomingWires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncomingItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Identity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Provenance = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StoryJson = table.Column<string>(type: "TEXT", nullable: false),
                    Killed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WireSources",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastPollAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SeenUpTo = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAdded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WireSources", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingItems_ReceivedAt",
                table: "IncomingItems",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IncomingItems_Source_Identity_Version",
                table: "IncomingItems",
                columns: new[] { "Source", "Identity", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingItems_Source_ReceivedAt",
                table: "IncomingItems",
                columns: new[] { "Source", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingItems_Status_ReceivedAt",
                table: "IncomingItems",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncomingItems");

            migrationBuilder.DropTable(
                name: "WireSources");
        }
    }
}
