using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReaderTips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReaderTips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedContact = table.Column<byte[]>(type: "BLOB", nullable: true),
                    MayContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayCredit = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SenderReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastActivityOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DuplicateOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReaderTips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TipAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TipAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SealedName = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HadMetadata = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TipAttachments_ReaderTips_TipId",
                        column: x => x.TipId,
                        principalTable: "ReaderTips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TipMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Staff = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SealedBody = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TipMessages_ReaderTips_TipId",
                        column: x => x.TipId,
                        principalTable: "ReaderTips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_Channel_SourceReference",
                table: "ReaderTips",
                columns: new[] { "Channel", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_DuplicateOfId",
                table: "ReaderTips",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_ReceiptHash",
                table: "ReaderTips",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_SenderReference",
                table: "ReaderTips",
                column: "SenderReference");

            migrationBuilder.CreateIndex(
                name: "IX_ReaderTips_Status_SettledOn",
                table: "ReaderTips",
                columns: new[] { "Status", "SettledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TipAttachments_TipId",
                table: "TipAttachments",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_TipAudit_TipId",
                table: "TipAudit",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_TipMessages_TipId",
                table: "TipMessages",
                column: "TipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TipAttachments");

            migrationBuilder.DropTable(
                name: "TipAudit");

            migrationBuilder.DropTable(
                name: "TipMessages");

            migrationBuilder.DropTable(
                name: "ReaderTips");
        }
    }
}
