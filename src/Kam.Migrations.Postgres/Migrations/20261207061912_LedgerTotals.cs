using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerTotals",
                columns: table => new
                {
                    Metric = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Fen = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTotals", x => new { x.Metric, x.Day });
                });

            // A ledger written before this grain: its department days are the sums of the per-person days.
            migrationBuilder.Sql("""
                INSERT INTO "LedgerTotals" ("Metric", "Day", "Fen", "Count")
                SELECT "Metric", "Day", SUM("Fen"), SUM("Count") FROM "LedgerDays" GROUP BY "Metric", "Day"
                HAVING SUM("Fen") <> 0 OR SUM("Count") <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerTotals");
        }
    }
}
