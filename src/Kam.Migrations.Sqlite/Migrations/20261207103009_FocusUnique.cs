using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FocusUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TargetFocuses_Month_Metric_Dimension_Value",
                table: "TargetFocuses");

            migrationBuilder.CreateIndex(
                name: "IX_TargetFocuses_Month_Metric_Dimension_Value",
                table: "TargetFocuses",
                columns: new[] { "Month", "Metric", "Dimension", "Value" },
                unique: true,
                filter: "\"ArchivedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TargetFocuses_Month_Metric_Dimension_Value",
                table: "TargetFocuses");

            migrationBuilder.CreateIndex(
                name: "IX_TargetFocuses_Month_Metric_Dimension_Value",
                table: "TargetFocuses",
                columns: new[] { "Month", "Metric", "Dimension", "Value" });
        }
    }
}
