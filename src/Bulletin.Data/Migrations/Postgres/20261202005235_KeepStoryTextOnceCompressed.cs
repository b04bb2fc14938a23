using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeepStoryTextOnceCompressed : Migration
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

            // Revisions stored before this keep their content (a revision made from now on stores none while it is
            // still its story's working content), so there is nothing of theirs to convert but the column's type.
            // PostgreSQL will not turn text into bytea by itself: each stored JSON becomes its UTF-8 bytes, which read as
            // they are. Only rows written from now on are compressed.
            foreach (var (table, column) in new[] { ("StoryRevisions", "Content"), ("Stories", "Segments"), ("Stories", "Live"), ("PublishedStories", "Segments") })
            {
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" TYPE bytea USING convert_to(\"{column}\", 'UTF8');");
            }

            migrationBuilder.Sql("ALTER TABLE \"StoryRevisions\" ALTER COLUMN \"Content\" DROP NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back would need every revision that keeps no content of its own and every live version kept once
            // written out again from the story's columns, and compressed rows turned back into text: SQL alone can do
            // neither. Restore a backup taken before this migration instead.
            throw new NotSupportedException("KeepStoryTextOnceCompressed cannot be reverted; restore a backup taken before it.");
        }
    }
}
