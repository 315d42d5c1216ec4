using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FieldWorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Tier_ArchivedAt_VisitDueBase_Status_OwnerId",
                table: "Accounts",
                columns: new[] { "Tier", "ArchivedAt", "VisitDueBase", "Status", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_Tier_ArchivedAt_VisitDueBase_Status_OwnerId",
                table: "Accounts");
        }
    }
}
