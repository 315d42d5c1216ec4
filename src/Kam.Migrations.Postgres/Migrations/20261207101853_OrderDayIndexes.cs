using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrderDayIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_CancelledOn",
                table: "Orders",
                column: "CancelledOn");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ConfirmedOn",
                table: "Orders",
                column: "ConfirmedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_CancelledOn",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ConfirmedOn",
                table: "Orders");
        }
    }
}
