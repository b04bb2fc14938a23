using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DateTipAuditToTheDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Day",
                table: "TipAudit",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // At was an instant in DateTimeOffsetToBinaryConverter's form (UTC ticks / 1000, shifted past an 11-bit
            // offset). The site's zone is configuration a migration cannot see, so existing lines keep their UTC day.
            migrationBuilder.Sql(
                "UPDATE \"TipAudit\" SET \"Day\" = date(((\"At\" >> 11) * 1000 - 621355968000000000) / 10000000, 'unixepoch');");

            migrationBuilder.DropColumn(
                name: "At",
                table: "TipAudit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "At",
                table: "TipAudit",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Back to an instant: midnight UTC of the day, in the converter's form.
            migrationBuilder.Sql(
                "UPDATE \"TipAudit\" SET \"At\" = ((CAST(strftime('%s', \"Day\") AS INTEGER) * 10000000 + 621355968000000000) / 1000) << 11;");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "TipAudit");
        }
    }
}
