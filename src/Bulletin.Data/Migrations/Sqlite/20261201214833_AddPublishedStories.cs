using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignOff = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", nullable: true),
                    TranscriptDisclaimer = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Bylines = table.Column<string>(type: "TEXT", nullable: false),
                    Segments = table.Column<string>(type: "TEXT", nullable: false),
                    Subheadlines = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false)
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
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
