using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A live story whose published row says exactly what its working version says (and when) keeps its text
            // once from now on. Its published row is a copy of its live version, so this compares like with like;
            // any difference, even of spelling in the stored JSON, keeps the live copy as it was.
            migrationBuilder.Sql(
                """
                UPDATE "Stories" SET "LiveIsWorkingVersion" = 1, "Live" = NULL
                WHERE "Status" = 'Published' AND "Live" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "PublishedStories" AS p
                    WHERE p."Id" = "Stories"."Id" AND p."Headline" = "Stories"."Headline" AND p."Language" = "Stories"."Language"
                      AND p."Subheadlines" = "Stories"."Subheadlines" AND p."Bylines" = "Stories"."Bylines" AND p."Tags" = "Stories"."Tags"
                      AND p."Segments" = "Stories"."Segments" AND p."SignOff" IS "Stories"."SignOff"
                      AND p."Programme" IS "Stories"."Programme" AND p."TranscriptDisclaimer" = "Stories"."TranscriptDisclaimer"
                      AND p."PublishedAt" = "Stories"."PublishedAt" AND p."UpdatedAt" = "Stories"."UpdatedAt")
                """);

            // Revisions stored before this keep their content (a revision made from now on stores none while it is
            // still its story's working content), so there is nothing of theirs to convert but the column's type.
            // SQLite rebuilds the tables: each stored JSON text is copied as it is and reads as it is (a text value reads
            // back as its UTF-8 bytes). Only rows written from now on are compressed.
            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "StoryRevisions",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Segments",
                table: "Stories",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Live",
                table: "Stories",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Segments",
                table: "PublishedStories",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");
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
