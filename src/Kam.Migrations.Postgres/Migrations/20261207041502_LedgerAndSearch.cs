using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CancelledOn",
                table: "Orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConfirmedOn",
                table: "Orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Contracts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LedgerDays",
                columns: table => new
                {
                    Metric = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fen = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerDays", x => new { x.Metric, x.Day, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "LedgerFacts",
                columns: table => new
                {
                    Metric = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fen = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerFacts", x => new { x.Metric, x.Day, x.PersonId, x.AccountId });
                });

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Words = table.Column<string>(type: "text", nullable: false)
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

            // The search index: the entries' words as a text-search vector ('simple': no stemming, no stop words), in GIN.
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Words" ON "SearchEntries" USING gin (to_tsvector('simple', "Words"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_SearchEntries_Words";""");

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
