using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DevelopedAccountsAndOpenedProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenedOn",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BecameActiveOn",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            // Accounts and projects from before: credited to their owner now (no earlier owner is known), counted from
            // the day they were created (the ledger is rebuilt once at start-up for the new metrics).
            migrationBuilder.Sql("""UPDATE "Accounts" SET "CreditedToId" = "OwnerId" WHERE "Status" <> 'Prospect' AND "CreditedToId" IS NULL;""");
            migrationBuilder.Sql("""UPDATE "Opportunities" SET "CreditedToId" = "OwnerId" WHERE "CreditedToId" IS NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "OpenedOn",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "BecameActiveOn",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Accounts");
        }
    }
}
