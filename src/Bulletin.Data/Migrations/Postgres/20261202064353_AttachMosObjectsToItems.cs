using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttachMosObjectsToItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Presenter",
                table: "Rundowns",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Presenter",
                table: "RundownItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RundownItemObjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ObjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Duration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    EditorialDuration = table.Column<long>(type: "bigint", nullable: true),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RundownItemObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RundownItemObjects_RundownItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RundownItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RundownItemObjects_ItemId_Position",
                table: "RundownItemObjects",
                columns: new[] { "ItemId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RundownItemObjects");

            migrationBuilder.DropColumn(
                name: "Presenter",
                table: "Rundowns");

            migrationBuilder.DropColumn(
                name: "Presenter",
                table: "RundownItems");
        }
    }
}
