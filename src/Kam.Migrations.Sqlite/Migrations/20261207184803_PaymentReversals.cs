using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaymentReversals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReversedAt",
                table: "Payments",
                column: "ReversedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_ReversedAt",
                table: "Payments");
        }
    }
}
