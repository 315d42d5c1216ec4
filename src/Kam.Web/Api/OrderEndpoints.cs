using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Kam.Web.Api;

/// <summary>Products, orders and shipments (产品 / 订单 / 补发货), with their spreadsheets.</summary>
public static class OrderEndpoints
{
    public static void MapOrders(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        MapProducts(api, app);

        var orders = api.MapGroup("/orders").WithTags("Orders").RequireAuthorization(Policies.ReadAccounts);
        orders.MapGet("", async ([AsParameters] OrderQuery query, ListOrders list, CancellationToken ct) => TypedResults.Ok(await list.Handle(query, ct)));
        orders.MapGet("/{id:guid}", async (Guid id, GetOrder get, HttpContext ctx, CancellationToken ct) => (await get.Handle(id, ct)).Ok(ctx))
            .Produces<OrderDetail>();
        orders.MapPost("", async (OrderInput input, SaveOrder save, GetOrder get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/orders/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<OrderDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        orders.MapPut("/{id:guid}", async (Guid id, OrderInput input, SaveOrder save, GetOrder get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await save.Update(id, input, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<OrderDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        foreach (var (name, step) in new (string, Func<OrderSteps, Guid, OrderAction, CancellationToken, Task<Result>>)[]
        {
            ("confirm", (s, id, i, ct) => s.Confirm(id, i, ct)),
            ("cancel", (s, id, i, ct) => s.Cancel(id, i, ct)),
            ("deliver", (s, id, i, ct) => s.Deliver(id, i, ct)),
            ("close", (s, id, i, ct) => s.Close(id, i, ct)),
            ("submit", (s, id, i, ct) => s.Submit(id, i, ct)),
        })
        {
            orders.MapPost($"/{{id:guid}}/{name}", async (Guid id, OrderAction input, OrderSteps steps, GetOrder get, HttpContext ctx, CancellationToken ct) =>
            {
                var done = await step(steps, id, input, ct);
                return done.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
            }).Produces<OrderDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        }
        orders.MapPost("/{id:guid}/shipments", async (Guid id, ShipmentInput input, Shipping shipping, GetOrder get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await shipping.Ship(id, input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/shipments/{created.Value}", (await get.Handle(id, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<OrderDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        orders.MapPost("/{id:guid}/makeups", async (Guid id, MakeUpInput input, Shipping shipping, GetOrder get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await shipping.RequestMakeUp(id, input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/shipments/{created.Value}", (await get.Handle(id, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<OrderDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        orders.MapGet("/export", ExportOrders);
        app.MapGet("/orders/export", ExportOrders).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();

        var shipments = api.MapGroup("/shipments").WithTags("Orders").RequireAuthorization(Policies.ReadAccounts);
        shipments.MapGet("", async ([AsParameters] ShipmentQuery query, ListShipments list, CancellationToken ct) => TypedResults.Ok(await list.Handle(query, ct)));
        shipments.MapPost("/{id:guid}/ship", async (Guid id, ShipmentStep input, Shipping shipping, HttpContext ctx, CancellationToken ct) =>
            (await shipping.ShipMakeUp(id, input, ct)).NoContent(ctx));
        shipments.MapPost("/{id:guid}/deliver", async (Guid id, ShipmentStep input, Shipping shipping, HttpContext ctx, CancellationToken ct) =>
            (await shipping.Deliver(id, input, ct)).NoContent(ctx));
        shipments.MapGet("/export", ExportShipments);
        app.MapGet("/shipments/export", ExportShipments).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
    }

    private static void MapProducts(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var products = api.MapGroup("/products").WithTags("Products").RequireAuthorization(Policies.ReadAccounts);
        products.MapGet("", async ([AsParameters] ProductQuery query, ManageProducts manage, CancellationToken ct) => TypedResults.Ok(await manage.List(query, ct)));
        products.MapGet("/{id:guid}", async (Guid id, ManageProducts manage, HttpContext ctx, CancellationToken ct) => (await manage.Get(id, ct)).Ok(ctx))
            .Produces<ProductRow>();
        products.MapPost("", async (ProductInput input, ManageProducts manage, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await manage.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/products/{created.Value}", (await manage.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<ProductRow>(StatusCodes.Status201Created).ProducesValidationProblem();
        products.MapPut("/{id:guid}", async (Guid id, ProductInput input, ManageProducts manage, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await manage.Update(id, input, ct);
            return updated.IsSuccess ? (await manage.Get(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<ProductRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        products.MapGet("/export", ExportProducts);
        app.MapGet("/products/export", ExportProducts).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        products.MapGet("/import-template", ProductTemplate);
        app.MapGet("/products/import-template", ProductTemplate).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        products.MapPost("/import", (IFormFile? file, [FromQuery] string? mode, ImportProducts import, ImportReports reports,
            ICurrentUser me, HttpContext ctx, CancellationToken ct) =>
            reports.RunAsync(file, ImportReports.ParseMode(mode) is null ? Error.Validation("mode", "import.mode_unknown") : null,
                path => import.Handle(path, ImportReports.ParseMode(mode)!.Value, ct), me.Id!.Value, ctx, ct)
).DisableAntiforgery().Produces<ImportResponse>().ProducesValidationProblem();
    }

    private static Task<IResult> ProductTemplate(CancellationToken ct) =>
        Spreadsheets.Template("export.file.product_template", ImportProducts.WriteTemplateAsync, ct);

    private static Task<IResult> ExportProducts([AsParameters] ProductQuery query, ExportProducts export, CancellationToken ct) =>
        Spreadsheets.Export("nav.products", path => export.WriteAsync(query, path, ct));

    private static Task<IResult> ExportOrders([AsParameters] OrderQuery query, Kam.Core.Orders.ExportOrders export, CancellationToken ct) =>
        Spreadsheets.Export("export.sheet.orders", path => export.WriteOrdersAsync(query, path, ct));

    private static Task<IResult> ExportShipments([AsParameters] ShipmentQuery query, Kam.Core.Orders.ExportOrders export, CancellationToken ct) =>
        Spreadsheets.Export("export.sheet.shipments", path => export.WriteShipmentsAsync(query, path, ct));

}
