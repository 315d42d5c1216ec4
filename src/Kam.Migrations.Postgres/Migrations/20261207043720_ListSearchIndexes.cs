using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_AccountId_OrderedOn",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_ArchivedAt_OrderedOn_Number",
                table: "Orders",
                columns: new[] { "AccountId", "ArchivedAt", "OrderedOn", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_AccountId_ArchivedAt_CreatedAt",
                table: "Contracts",
                columns: new[] { "AccountId", "ArchivedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_AccountId_ArchivedAt_OrderedOn_Number",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_AccountId_ArchivedAt_CreatedAt",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_OrderedOn",
                table: "Orders",
                columns: new[] { "AccountId", "OrderedOn" });
        }
    }
}
