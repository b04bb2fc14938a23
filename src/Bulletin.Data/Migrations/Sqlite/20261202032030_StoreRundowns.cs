using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoreRundowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Rundowns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Show = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AirDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    HardOut = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadRate = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OnAirItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rundowns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RundownBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Budget = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    RundownId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RundownBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RundownBlocks_Rundowns_RundownId",
                        column: x => x.RundownId,
                        principalTable: "Rundowns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RundownItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedDuration = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    Floated = table.Column<bool>(type: "INTEGER", nullable: false),
                    HardStart = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReadRate = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AiredDuration = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    BlockId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    RundownId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RundownItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RundownItems_RundownBlocks_BlockId",
                        column: x => x.BlockId,
                        principalTable: "RundownBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RundownItems_Rundowns_RundownId",
                        column: x => x.RundownId,
                        principalTable: "Rundowns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RundownItems_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RundownBlocks_RundownId_Position",
                table: "RundownBlocks",
                columns: new[] { "RundownId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_RundownItems_BlockId_Position",
                table: "RundownItems",
                columns: new[] { "BlockId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_RundownItems_RundownId",
                table: "RundownItems",
                column: "RundownId");

            migrationBuilder.CreateIndex(
                name: "IX_RundownItems_StoryId_RundownId",
                table: "RundownItems",
                columns: new[] { "StoryId", "RundownId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rundowns_AirDate_Start",
                table: "Rundowns",
                columns: new[] { "AirDate", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Rundowns_Status_Start",
                table: "Rundowns",
                columns: new[] { "Status", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RundownItems");

            migrationBuilder.DropTable(
                name: "RundownBlocks");

            migrationBuilder.DropTable(
                name: "Rundowns");
        }
    }
}
