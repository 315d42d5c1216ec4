using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CreditDrillDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Payments_CreditedToId_ReceivedOn",
                table: "Payments",
                columns: new[] { "CreditedToId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CreditedToId_ConfirmedOn",
                table: "Orders",
                columns: new[] { "CreditedToId", "ConfirmedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CreditedToId_OpenedOn",
                table: "Opportunities",
                columns: new[] { "CreditedToId", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_CreditedToId_SignedOn",
                table: "Contracts",
                columns: new[] { "CreditedToId", "SignedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_CreditedToId_BecameActiveOn",
                table: "Accounts",
                columns: new[] { "CreditedToId", "BecameActiveOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_CreditedToId_ReceivedOn",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Orders_CreditedToId_ConfirmedOn",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_CreditedToId_OpenedOn",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_CreditedToId_SignedOn",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_CreditedToId_BecameActiveOn",
                table: "Accounts");
        }
    }
}
