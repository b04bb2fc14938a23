using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Show = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AirDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HardOut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadRate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OnAirItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    NextItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rundowns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RundownBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Letter = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Budget = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RundownId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Page = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlannedDuration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    Floated = table.Column<bool>(type: "boolean", nullable: false),
                    HardStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReadRate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AiredDuration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    BlockId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RundownId = table.Column<Guid>(type: "uuid", nullable: false)
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
