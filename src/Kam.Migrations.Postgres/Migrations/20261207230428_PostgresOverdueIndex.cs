using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PostgresOverdueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Active_Tier_VisitDueBase",
                table: "Accounts",
                columns: new[] { "Tier", "VisitDueBase", "Id" },
                filter: "\"ArchivedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_Active_Tier_VisitDueBase",
                table: "Accounts");
        }
    }
}
