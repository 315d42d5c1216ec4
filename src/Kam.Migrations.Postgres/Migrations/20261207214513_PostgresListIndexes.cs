using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PostgresListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Active_Name",
                table: "Accounts",
                column: "Name",
                filter: "\"ArchivedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Active_UpdatedAt",
                table: "Accounts",
                column: "UpdatedAt",
                filter: "\"ArchivedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_Active_Name",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Active_UpdatedAt",
                table: "Accounts");
        }
    }
}
