using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kam.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ShippedLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "Shipments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreditedToId",
                table: "Shipments",
                type: "TEXT",
                nullable: true);

            // Shipments made before: their goods' value at the order lines' net prices (as Shipment.ValueOf, summed here
            // and rounded once), credited to the order's credited person; the ledger is rebuilt at start-up (version 3).
            migrationBuilder.Sql("""
                UPDATE "Shipments" SET
                    "Amount" = (SELECT ROUND(COALESCE(SUM(ol."Amount" * sl."Quantity" / ol."Quantity"), 0), 2)
                                FROM "ShipmentLines" AS sl INNER JOIN "OrderLines" AS ol ON ol."Id" = sl."OrderLineId"
                                WHERE sl."ShipmentId" = "Shipments"."Id" AND ol."Quantity" <> 0),
                    "CreditedToId" = (SELECT COALESCE(o."CreditedToId", o."OwnerId") FROM "Orders" AS o WHERE o."Id" = "Shipments"."OrderId")
                WHERE "Kind" = 'Regular' AND "ShippedOn" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Amount",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "CreditedToId",
                table: "Shipments");
        }
    }
}
