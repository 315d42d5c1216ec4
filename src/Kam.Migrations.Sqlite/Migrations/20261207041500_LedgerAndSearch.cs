using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CancelledOn",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConfirmedOn",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            // The ledger's figures keyed by (metric, day, person, account) WITHOUT ROWID: the key is the table, so a
            // range of days of one metric is read in place, amounts included.
            migrationBuilder.Sql("""
                CREATE TABLE "LedgerFacts" (
                    "Metric" INTEGER NOT NULL,
                    "Day" TEXT NOT NULL,
                    "PersonId" TEXT NOT NULL,
                    "AccountId" TEXT NOT NULL,
                    "Fen" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_LedgerFacts" PRIMARY KEY ("Metric", "Day", "PersonId", "AccountId")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "LedgerDays" (
                    "Metric" INTEGER NOT NULL,
                    "Day" TEXT NOT NULL,
                    "PersonId" TEXT NOT NULL,
                    "Fen" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_LedgerDays" PRIMARY KEY ("Metric", "Day", "PersonId")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Words = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerDays_Metric_PersonId_Day_Fen_Count",
                table: "LedgerDays",
                columns: new[] { "Metric", "PersonId", "Day", "Fen", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerFacts_Metric_AccountId_Day_Fen_Count",
                table: "LedgerFacts",
                columns: new[] { "Metric", "AccountId", "Day", "Fen", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_RecordId_Kind",
                table: "SearchEntries",
                columns: new[] { "RecordId", "Kind" },
                unique: true);

            // The search index: an FTS5 table over SearchEntries.Words (external content, kept by triggers), words of
            // ASCII letters, no positions (only "which rows have these words"), prefixes of four letters (one character) indexed.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("Words", content='SearchEntries', content_rowid='Id', tokenize='ascii', detail='none', prefix='4');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Insert" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts" (rowid, "Words") VALUES (new."Id", new."Words");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Delete" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts" ("SearchFts", rowid, "Words") VALUES ('delete', old."Id", old."Words");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Update" AFTER UPDATE OF "Words" ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts" ("SearchFts", rowid, "Words") VALUES ('delete', old."Id", old."Words");
                    INSERT INTO "SearchFts" (rowid, "Words") VALUES (new."Id", new."Words");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"SearchEntries_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"SearchEntries_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"SearchEntries_Update\";");
            migrationBuilder.Sql("DROP TABLE \"SearchFts\";");

            migrationBuilder.DropTable(
                name: "LedgerDays");

            migrationBuilder.DropTable(
                name: "LedgerFacts");

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "CancelledOn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ConfirmedOn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Contracts");
        }
    }
}
