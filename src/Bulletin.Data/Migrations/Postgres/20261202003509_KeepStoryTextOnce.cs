using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeepStoryTextOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LiveIsWorkingVersion",
                table: "Stories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // A live story whose published row says exactly what its working version says (and when) keeps its text
            // once from now on. Its published row is a copy of its live version, so this compares like with like;
            // any difference, even of spelling in the stored JSON, keeps the live copy as it was.
            migrationBuilder.Sql(
                """
                UPDATE "Stories" SET "LiveIsWorkingVersion" = TRUE, "Live" = NULL
                WHERE "Status" = 'Published' AND "Live" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "PublishedStories" AS p
                    WHERE p."Id" = "Stories"."Id" AND p."Headline" = "Stories"."Headline" AND p."Language" = "Stories"."Language"
                      AND p."Subheadlines" = "Stories"."Subheadlines" AND p."Bylines" = "Stories"."Bylines" AND p."Tags" = "Stories"."Tags"
                      AND p."Segments" = "Stories"."Segments" AND p."SignOff" IS NOT DISTINCT FROM "Stories"."SignOff"
                      AND p."Programme" IS NOT DISTINCT FROM "Stories"."Programme" AND p."TranscriptDisclaimer" = "Stories"."TranscriptDisclaimer"
                      AND p."PublishedAt" = "Stories"."PublishedAt" AND p."UpdatedAt" = "Stories"."UpdatedAt")
                """);

            migrationBuilder.AlterColumn<string>(
                name: "Content",
                table: "StoryRevisions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            // Revisions stored before this keep their content: only revisions made from now on wait for their story
            // to change before storing it, so nothing here is to convert.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back would need every revision that keeps no content of its own, and every live version kept
            // once, written out again from the story's columns, which SQL alone cannot assemble. Restore a backup instead.
            throw new NotSupportedException("KeepStoryTextOnce cannot be reverted; restore a backup taken before it.");
        }
    }
}
