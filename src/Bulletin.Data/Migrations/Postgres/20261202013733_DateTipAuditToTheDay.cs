using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bulletin.Data.Migrations.Postgres
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
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The site's zone is configuration a migration cannot see, so existing lines keep their UTC day.
            migrationBuilder.Sql("UPDATE \"TipAudit\" SET \"Day\" = (\"At\" AT TIME ZONE 'UTC')::date;");

            migrationBuilder.DropColumn(
                name: "At",
                table: "TipAudit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "At",
                table: "TipAudit",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.Sql("UPDATE \"TipAudit\" SET \"At\" = \"Day\"::timestamp AT TIME ZONE 'UTC';");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "TipAudit");
        }
    }
}
