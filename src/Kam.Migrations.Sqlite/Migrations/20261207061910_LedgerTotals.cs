using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The department's days keyed by (metric, day) WITHOUT ROWID, like the other grains: a range of days of one metric
            // is read in place, amounts included.
            migrationBuilder.Sql("""
                CREATE TABLE "LedgerTotals" (
                    "Metric" INTEGER NOT NULL,
                    "Day" TEXT NOT NULL,
                    "Fen" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_LedgerTotals" PRIMARY KEY ("Metric", "Day")
                ) WITHOUT ROWID;
                """);

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
