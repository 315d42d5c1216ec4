using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceCases_ReceivedAt",
                table: "ServiceCases");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Status_AnsweredOn",
                table: "FollowUps");

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerId",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_ReceivedAt_HandlerId_Status_ResponseMinutes_ResolutionMinutes_ResponseBreachedAt_ResolutionBreachedAt_ReopenCount_CustomerSatisfied",
                table: "ServiceCases",
                columns: new[] { "ReceivedAt", "HandlerId", "Status", "ResponseMinutes", "ResolutionMinutes", "ResponseBreachedAt", "ResolutionBreachedAt", "ReopenCount", "CustomerSatisfied" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_AnsweredOn_OwnerId_AccountId_Score_Nps_Low",
                table: "FollowUps",
                columns: new[] { "Status", "AnsweredOn", "OwnerId", "AccountId", "Score", "Nps", "Low" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceCases_ReceivedAt_HandlerId_Status_ResponseMinutes_ResolutionMinutes_ResponseBreachedAt_ResolutionBreachedAt_ReopenCount_CustomerSatisfied",
                table: "ServiceCases");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Status_AnsweredOn_OwnerId_AccountId_Score_Nps_Low",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "FollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_ReceivedAt",
                table: "ServiceCases",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_AnsweredOn",
                table: "FollowUps",
                columns: new[] { "Status", "AnsweredOn" });
        }
    }
}
