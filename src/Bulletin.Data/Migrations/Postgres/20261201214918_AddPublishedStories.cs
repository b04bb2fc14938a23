using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPublishedStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedStories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Headline = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SignOff = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Programme = table.Column<string>(type: "text", nullable: true),
                    TranscriptDisclaimer = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CorrectionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Bylines = table.Column<string>(type: "text", nullable: false),
                    Segments = table.Column<string>(type: "text", nullable: false),
                    Subheadlines = table.Column<string>(type: "text", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedStories_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PublishedStories_Stories_Id",
                        column: x => x.Id,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedStoryTags",
                columns: table => new
                {
                    StoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedStoryTags", x => new { x.StoryId, x.Tag });
                    table.ForeignKey(
                        name: "FK_PublishedStoryTags_PublishedStories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "PublishedStories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_PublishedAt",
                table: "Stories",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_UpdatedAt",
                table: "Stories",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_LastActivityOn",
                table: "ReaderTips",
                column: "LastActivityOn");

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_Status_LastActivityOn",
                table: "ReaderTips",
                columns: new[] { "Status", "LastActivityOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStories_Language_PublishedAt_Id",
                table: "PublishedStories",
                columns: new[] { "Language", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStories_Language_Slug",
                table: "PublishedStories",
                columns: new[] { "Language", "Slug" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStories_PublishedAt_Id",
                table: "PublishedStories",
                columns: new[] { "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStories_SectionId_Language_PublishedAt_Id",
                table: "PublishedStories",
                columns: new[] { "SectionId", "Language", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStoryTags_Tag_Language_PublishedAt_StoryId",
                table: "PublishedStoryTags",
                columns: new[] { "Tag", "Language", "PublishedAt", "StoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedStoryTags");

            migrationBuilder.DropTable(
                name: "PublishedStories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_PublishedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_UpdatedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_ReaderTips_LastActivityOn",
                table: "ReaderTips");

            migrationBuilder.DropIndex(
                name: "IX_ReaderTips_Status_LastActivityOn",
                table: "ReaderTips");
        }
    }
}
