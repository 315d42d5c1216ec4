using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SurveyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "Score",
                table: "FollowUps",
                type: "double precision",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(4,2)",
                oldPrecision: 4,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AnsweredOn",
                table: "FollowUps",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_SourceId",
                table: "FollowUps",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_AnsweredOn",
                table: "FollowUps",
                columns: new[] { "Status", "AnsweredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_SourceId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Status_AnsweredOn",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "AnsweredOn",
                table: "FollowUps");

            migrationBuilder.AlterColumn<decimal>(
                name: "Score",
                table: "FollowUps",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: true,
                oldClrType: typeof(double),
                oldType: "double precision",
                oldNullable: true);
        }
    }
}
