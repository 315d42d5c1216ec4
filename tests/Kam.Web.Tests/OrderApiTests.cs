using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Approvals;
using Kam.Core.Contracts;
using Kam.Core.Payments;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class OrderApiTests(KamFactory app)
{
    [Fact]
    public async Task An_account_manager_orders_for_their_account_with_totals_computed_on_the_server_and_others_see_it_only_in_scope()
    {
        var sofa = await Orders.Product(app, 100m);
        var chair = await Orders.Product(app, 33.335m);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account,
            new { productId = sofa["id"], quantity = 3, discount = 10 },
            new { productId = chair["id"], quantity = 2, unitPrice = 33.335 });
        Assert.Matches(@"^SO-\d{4}-\d{6}$", (string?)order["number"]);
        Assert.Equal("Received", (string?)order["status"]);
        Assert.Equal("NotRequired", (string?)order["approval"]);
        var lines = order["lines"]!.AsArray();
        Assert.Equal(270m, (decimal)lines[0]!["amount"]!);
        Assert.Equal(100m, (decimal)lines[0]!["unitPrice"]!);
        Assert.Equal(66.67m, (decimal)lines[1]!["amount"]!);
        Assert.Equal(336.67m, (decimal)order["total"]!);
        Assert.Equal(DateOnly.Parse((string)order["orderedOn"]!).AddDays(30), DateOnly.Parse((string)order["paymentDueOn"]!));
        using var admin = await app.As("admin");
        Assert.Equal(await Users.IdOf(admin, "am1"), Guid.Parse((string)order["ownerId"]!));

        using var am2 = await app.As("am2");
        await (await am2.GetAsync($"/api/orders/{order["id"]}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await am2.GetAsync($"/api/orders?search={order["number"]}")).ReadJson())["items"]!.AsArray(), o => (string?)o!["id"] == (string?)order["id"]);
        await (await Orders.Post(am2, account, new { productId = sofa["id"], quantity = 1 })).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/orders/{order["id"]}/confirm", new { version = order["version"] })).Problem(HttpStatusCode.NotFound);
        Assert.Equal(1, (int)(await (await am1.GetAsync($"/api/orders?search={order["number"]}")).ReadJson())["total"]!);
        // By the account's name (through the search index) and by the beginning of the number, for the owner only.
        var accountName = (string)(await (await am1.GetAsync($"/api/accounts/{account}")).ReadJson())["name"]!;
        foreach (var search in new[] { accountName[..^2], ((string)order["number"]!)[..^3] })
        {
            var found = (await (await am1.GetAsync($"/api/orders?search={Uri.EscapeDataString(search)}&pageSize=100")).ReadJson())["items"]!.AsArray();
            Assert.Contains(found, o => (string?)o!["id"] == (string?)order["id"]);
            var theirs = (await (await am2.GetAsync($"/api/orders?search={Uri.EscapeDataString(search)}&pageSize=100")).ReadJson())["items"]!.AsArray();
            Assert.DoesNotContain(theirs, o => (string?)o!["id"] == (string?)order["id"]);
        }

        using var exec = await app.As("exec");
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/orders/{order["id"]}")).StatusCode);
        await (await Orders.Post(exec, account, new { productId = sofa["id"], quantity = 1 })).Problem(HttpStatusCode.Forbidden);
        await (await exec.PostAsJsonAsync($"/api/orders/{order["id"]}/confirm", new { version = order["version"] })).Problem(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/orders")).Problem(HttpStatusCode.Forbidden);
        using var assistant = await app.As("assistant");
        Assert.Equal(HttpStatusCode.Created, (await Orders.Post(assistant, account, new { productId = sofa["id"], quantity = 1 })).StatusCode);
    }

    [Fact]
    public async Task Bad_lines_are_refused_beside_their_fields()
    {
        var product = await Orders.Product(app);
        using var head = await app.As("head");
        var account = Orders.Id(await Accounts.Create(head));
        var bad = await (await Orders.Post(head, account,
            new { productId = product["id"], quantity = 0 },
            new { productId = product["id"], quantity = 1, unitPrice = -1, discount = 101 },
            new { productId = Guid.NewGuid(), quantity = 1 })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!;
        Assert.NotNull(errors["lines[0].quantity"]);
        Assert.NotNull(errors["lines[1].unitPrice"]);
        Assert.NotNull(errors["lines[1].discount"]);
        var unknown = await (await Orders.Post(head, account, new { productId = Guid.NewGuid(), quantity = 1 })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["lines[0].productId"]);
        var empty = await (await Orders.Post(head, account)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["lines"]);
    }

    [Fact]
    public async Task An_order_is_confirmed_shipped_in_parts_never_beyond_what_was_ordered_delivered_and_closed()
    {
        var product = await Orders.Product(app, 50m);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account, new { productId = product["id"], quantity = 10 });
        var lineId = (string?)order["lines"]![0]!["id"];

        // Not yet confirmed: nothing ships.
        await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 1 } } }))
            .Problem(HttpStatusCode.Conflict);
        await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/confirm", new { version = Guid.NewGuid() })).Problem(HttpStatusCode.Conflict);
        order = await Orders.Step(am1, order, "confirm");
        Assert.Equal("Confirmed", (string?)order["status"]);
        Assert.Equal(500m, (decimal)order["receivable"]!["amount"]!);
        Assert.Equal((string?)order["paymentDueOn"], (string?)order["receivable"]!["dueOn"]);

        // Lines are locked once confirmed.
        var edit = await am1.PutAsJsonAsync($"/api/orders/{order["id"]}", new { accountId = account, version = order["version"], lines = new[] { new { productId = product["id"], quantity = 1 } } });
        Assert.Equal("order.locked", (string?)(await edit.Problem(HttpStatusCode.Conflict))["code"]);

        // Shipping more than ordered: 400 beside the line's quantity and nothing written.
        var tooMuch = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new
        {
            carrier = "顺丰",
            lines = new[] { new { orderLineId = lineId, quantity = 11 } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooMuch["errors"]!["lines[0].quantity"]);
        var after = await Orders.Get(am1, order);
        Assert.Equal(0m, (decimal)after["lines"]![0]!["shippedQuantity"]!);
        Assert.Empty(after["shipments"]!.AsArray());
        Assert.Equal((string?)order["version"], (string?)after["version"]);

        var first = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new
        {
            carrier = "顺丰",
            trackingNumber = "SF100",
            lines = new[] { new { orderLineId = lineId, quantity = 4 } },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("PartlyShipped", (string?)first["status"]);
        Assert.Equal(4m, (decimal)first["lines"]![0]!["shippedQuantity"]!);
        var beyond = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 7 } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(beyond["errors"]!["lines[0].quantity"]);
        var second = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 6 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("Shipped", (string?)second["status"]);
        Assert.Equal(2, second["shipments"]!.AsArray().Count);
        Assert.Matches(@"^FH-\d{4}-\d{6}$", (string?)second["shipments"]![0]!["number"]);

        // Cancelling after a shipment is refused.
        var cancel = await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/cancel", new { version = second["version"], reason = "客户取消" });
        Assert.Equal("order.already_shipped", (string?)(await cancel.Problem(HttpStatusCode.Conflict))["code"]);

        var delivered = await Orders.Step(am1, second, "deliver");
        Assert.Equal("Delivered", (string?)delivered["status"]);
        var closed = await Orders.Step(am1, delivered, "close");
        Assert.Equal("Closed", (string?)closed["status"]);

        var shipments = await (await am1.GetAsync($"/api/shipments?orderId={order["id"]}")).ReadJson();
        Assert.Equal(2, (int)shipments["total"]!);
        using var am2 = await app.As("am2");
        Assert.Equal(0, (int)(await (await am2.GetAsync($"/api/shipments?orderId={order["id"]}")).ReadJson())["total"]!);
    }

    [Fact]
    public async Task A_make_up_shipment_refers_to_an_original_needs_approval_and_cannot_ship_before()
    {
        var product = await Orders.Product(app, 20m);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account, new { productId = product["id"], quantity = 5 });
        var lineId = (string?)order["lines"]![0]!["id"];
        order = await Orders.Step(am1, order, "confirm");
        order = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 3 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var original = (string?)order["shipments"]![0]!["id"];

        var beyond = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/makeups", new
        {
            originalShipmentId = original,
            reason = "Damaged",
            lines = new[] { new { orderLineId = lineId, quantity = 4 } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(beyond["errors"]!["lines[0].quantity"]);
        var noText = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/makeups", new
        {
            originalShipmentId = original,
            reason = "Other",
            lines = new[] { new { orderLineId = lineId, quantity = 1 } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noText["errors"]!["reasonText"]);

        var withMakeUp = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/makeups", new
        {
            originalShipmentId = original,
            reason = "Damaged",
            reasonText = "运输途中破损 2 件",
            lines = new[] { new { orderLineId = lineId, quantity = 2 } },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var makeUp = withMakeUp["shipments"]!.AsArray().Single(s => (string?)s!["kind"] == "MakeUp")!;
        Assert.Equal("PendingApproval", (string?)makeUp["status"]);
        Assert.Matches(@"^BF-\d{4}-\d{6}$", (string?)makeUp["number"]);
        Assert.Equal((string?)order["shipments"]![0]!["number"], (string?)makeUp["originalNumber"]);
        Assert.Equal(0m, (decimal)withMakeUp["lines"]![0]!["makeUpApproved"]!);
        var request = await app.Read(db => db.Unscoped<ApprovalRequest>().AsNoTracking().SingleAsync(r => r.DocumentId == Guid.Parse((string)makeUp["id"]!)));
        Assert.Equal("makeup_shipment", request.DocumentType);
        Assert.Equal(40m, request.Amount);

        var early = await am1.PostAsJsonAsync($"/api/shipments/{makeUp["id"]}/ship", new { version = makeUp["version"], carrier = "顺丰" });
        Assert.Equal("shipment.not_approved", (string?)(await early.Problem(HttpStatusCode.Conflict))["code"]);
        var still = await Orders.Get(am1, order);
        Assert.Equal(0m, (decimal)still["lines"]![0]!["makeUpShipped"]!);

        // A regular shipment cannot use make-up quantities: still at most the 2 left of the 5 ordered.
        var regular = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 3 } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(regular["errors"]!["lines[0].quantity"]);
        using var exec = await app.As("exec");
        await (await exec.PostAsJsonAsync($"/api/orders/{order["id"]}/makeups", new { originalShipmentId = original, reason = "Missing", lines = new[] { new { orderLineId = lineId, quantity = 1 } } }))
            .Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cancelled_order_needs_a_reason_and_its_receivable_is_written_off_unless_something_was_collected()
    {
        var product = await Orders.Product(app, 10m);
        using var assistant = await app.As("assistant");
        var account = Orders.Id(await Accounts.Create(assistant));
        var order = await Orders.Create(assistant, account, new { productId = product["id"], quantity = 1 });
        order = await Orders.Step(assistant, order, "confirm");
        var noReason = await Orders.Step(assistant, order, "cancel", null, HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);

        var paid = await Orders.Create(assistant, account, new { productId = product["id"], quantity = 2 });
        paid = await Orders.Step(assistant, paid, "confirm");
        await app.Change(async db => (await db.Unscoped<Instalment>().SingleAsync(i => i.OrderId == Orders.Id(paid))).Collected = 5m);
        var refused = await Orders.Step(assistant, paid, "cancel", new { reason = "客户取消" }, HttpStatusCode.Conflict);
        Assert.Equal("order.payments_collected", (string?)refused["code"]);

        var cancelled = await Orders.Step(assistant, order, "cancel", new { reason = "客户取消" });
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("客户取消", (string?)cancelled["cancelReason"]);
        Assert.True((bool)cancelled["receivable"]!["settled"]!);
        await Orders.Step(assistant, cancelled, "confirm", null, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_order_beyond_its_contracts_remaining_amount_goes_to_approval_and_keeps_the_contracts_ordered_amount()
    {
        var product = await Orders.Product(app, 100m);
        using var am1 = await app.As("am1");
        using var admin = await app.As("admin");
        var am1Id = await Users.IdOf(admin, "am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var contract = await Orders.Contract(app, account, am1Id, 1000m);
        var other = Orders.Id(await Accounts.Create(am1));
        var bad = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = other, contractId = contract, lines = new[] { new { productId = product["id"], quantity = 1 } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["contractId"]);

        var within = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = account, contractId = contract, lines = new[] { new { productId = product["id"], quantity = 6 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("NotRequired", (string?)within["approval"]);
        Assert.Equal(600m, await OrderedAmount(contract));

        var beyond = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = account, contractId = contract, lines = new[] { new { productId = product["id"], quantity = 5 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("Pending", (string?)beyond["approval"]);
        Assert.Equal(1100m, await OrderedAmount(contract));
        var request = await app.Read(db => db.Unscoped<ApprovalRequest>().AsNoTracking().SingleAsync(r => r.DocumentId == Orders.Id(beyond)));
        Assert.Equal("order", request.DocumentType);
        Assert.Equal(500m, request.Amount);
        Assert.Equal(Kam.Core.Approvals.ApprovalStatus.Pending, request.Status);
        var confirm = await Orders.Step(am1, beyond, "confirm", null, HttpStatusCode.Conflict);
        Assert.Equal("order.not_approved", (string?)confirm["code"]);
        var edit = await am1.PutAsJsonAsync($"/api/orders/{beyond["id"]}", new { accountId = account, contractId = contract, version = beyond["version"], lines = new[] { new { productId = product["id"], quantity = 1 } } });
        Assert.Equal("order.under_review", (string?)(await edit.Problem(HttpStatusCode.Conflict))["code"]);

        // Editing the first order down keeps the ordered amount right; cancelling the second withdraws its approval and gives its amount back.
        var smaller = await (await am1.PutAsJsonAsync($"/api/orders/{within["id"]}", new { accountId = account, contractId = contract, version = within["version"], lines = new[] { new { productId = product["id"], quantity = 2 } } }))
            .Ok<JsonObject>();
        Assert.Equal(200m, (decimal)smaller["total"]!);
        Assert.Equal(700m, await OrderedAmount(contract));
        await Orders.Step(am1, beyond, "cancel", new { reason = "超出合同" });
        Assert.Equal(200m, await OrderedAmount(contract));
        Assert.Equal(Kam.Core.Approvals.ApprovalStatus.Withdrawn,
            (await app.Read(db => db.Unscoped<ApprovalRequest>().AsNoTracking().SingleAsync(r => r.DocumentId == Orders.Id(beyond)))).Status);

        // A contract with a payment plan: confirming creates no receivable of the order's own.
        var planned = await Orders.Contract(app, account, am1Id, 5000m, withPaymentPlan: true);
        var underPlan = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = account, contractId = planned, lines = new[] { new { productId = product["id"], quantity = 1 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var confirmed = await Orders.Step(am1, underPlan, "confirm");
        Assert.Null(confirmed["receivable"]);
    }

    [Fact]
    public async Task Orders_saved_at_the_same_moment_get_different_numbers()
    {
        var product = await Orders.Product(app);
        using var head = await app.As("head");
        var account = Orders.Id(await Accounts.Create(head));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
            clients.Add(await app.As(i % 2 == 0 ? "head" : "assistant"));
        var responses = await Task.WhenAll(clients.Select(c => Orders.Post(c, account, new { productId = product["id"], quantity = 1 })));
        var numbers = new List<string>();
        foreach (var response in responses)
            numbers.Add((string)(await response.Ok<JsonObject>(HttpStatusCode.Created))["number"]!);
        Assert.Equal(6, numbers.Distinct().Count());
        foreach (var client in clients)
            client.Dispose();
    }

    [Fact]
    public async Task Lists_export_under_the_data_scope_and_exports_are_logged()
    {
        var product = await Orders.Product(app);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account, new { productId = product["id"], quantity = 1 });
        var visible = (int)(await (await am1.GetAsync("/api/orders?pageSize=1")).ReadJson())["total"]!;
        using var stream = new MemoryStream(await (await am1.GetAsync("/api/orders/export")).Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(visible, rows.Count);
        Assert.Contains(rows, r => (string)r["订单号"] == (string)order["number"]!);
        var byAccount = await (await am1.GetAsync($"/api/orders?accountId={account}&status=Received&sort=-total")).ReadJson();
        Assert.Equal(1, (int)byAccount["total"]!);
        Assert.Equal(HttpStatusCode.OK, (await am1.GetAsync("/api/shipments/export?kind=MakeUp")).StatusCode);
        using var head = await app.As("head");
        var log = await (await head.GetAsync("/api/exports?pageSize=200")).ReadJson();
        Assert.Contains(log["items"]!.AsArray(), e => (string?)e!["userName"] == "am1" && (string?)e["kind"] == "orders" && (int)e["rows"]! == rows.Count);
        Assert.Contains(log["items"]!.AsArray(), e => (string?)e!["userName"] == "am1" && (string?)e["kind"] == "shipments");
    }

    [Fact]
    public async Task Orders_and_shipments_appear_on_the_account_timeline_and_open_orders_move_with_a_handover()
    {
        var leaverName = await Users.Create(app, "orderleaver");
        var heirName = await Users.Create(app, "orderheir");
        using var admin = await app.As("admin");
        var leaverId = await Users.IdOf(admin, leaverName);
        var heirId = await Users.IdOf(admin, heirName);
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        var product = await Orders.Product(app);
        var account = Orders.Id(await Accounts.Create(leaver));
        var open = await Orders.Create(leaver, account, new { productId = product["id"], quantity = 1 });
        var cancelled = await Orders.Create(leaver, account, new { productId = product["id"], quantity = 1 });
        await Orders.Step(leaver, cancelled, "cancel", new { reason = "不要了" });

        var timeline = (await (await leaver.GetAsync($"/api/accounts/{account}/timeline")).ReadJson()).AsArray();
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.order_placed" && ((string?)e["subject"])!.Contains((string)open["number"]!));
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.order_cancelled");

        using var head = await app.As("head");
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={heirId}")).ReadJson();
        var orders = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.orders")!;
        Assert.Equal(1, (int)orders["count"]!);
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = heirId })).StatusCode);
        Assert.Equal(heirId, Guid.Parse((string)(await Orders.Get(head, open))["ownerId"]!));
        Assert.Equal(leaverId, Guid.Parse((string)(await Orders.Get(head, cancelled))["ownerId"]!));
    }

    [Fact]
    public async Task An_order_beyond_its_contract_approved_by_the_head_can_be_confirmed_and_a_rejected_one_goes_back_to_its_author()
    {
        var product = await Orders.Product(app, 100m);
        using var am1 = await app.As("am1");
        using var admin = await app.As("admin");
        var account = Orders.Id(await Accounts.Create(am1));
        var contract = await Orders.Contract(app, account, await Users.IdOf(admin, "am1"), 300m);
        JsonNode order = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = account, contractId = contract, lines = new[] { new { productId = product["id"], quantity = 5 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("Pending", (string?)order["approval"]);

        // Nobody approves their own order, and an account manager approves nothing.
        await (await am1.PostAsJsonAsync($"/api/approvals/{order["approvalId"]}/approve", new { comment = "自己批" })).Problem(HttpStatusCode.Forbidden);
        using var head = await app.As("head");
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/approvals/{order["approvalId"]}/approve", new { comment = "同意超合同下单" })).StatusCode);
        order = await Orders.Get(am1, order);
        Assert.Equal("Approved", (string?)order["approval"]);
        var confirmed = await Orders.Step(am1, order, "confirm");
        Assert.Equal("Confirmed", (string?)confirmed["status"]);

        JsonNode second = await (await am1.PostAsJsonAsync("/api/orders", new { accountId = account, contractId = contract, lines = new[] { new { productId = product["id"], quantity = 1 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/approvals/{second["approvalId"]}/reject", new { comment = "合同额度不足" })).StatusCode);
        second = await Orders.Get(am1, second);
        Assert.Equal("Rejected", (string?)second["approval"]);
        await Orders.Step(am1, second, "confirm", null, HttpStatusCode.Conflict);
        // Back with its author: editable again, and submitted again when it still exceeds the contract.
        var resubmitted = await Orders.Step(am1, second, "submit");
        Assert.Equal("Pending", (string?)resubmitted["approval"]);
        Assert.NotEqual((string?)second["approvalId"], (string?)resubmitted["approvalId"]);
    }

    [Fact]
    public async Task An_approved_make_up_ships_once_within_its_approved_quantity_and_a_rejected_one_adds_nothing()
    {
        var product = await Orders.Product(app, 20m);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account, new { productId = product["id"], quantity = 5 });
        var lineId = (string?)order["lines"]![0]!["id"];
        order = await Orders.Step(am1, order, "confirm");
        order = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 5 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var original = (string?)order["shipments"]![0]!["id"];
        async Task<JsonNode> RequestMakeUp(int quantity)
        {
            var detail = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/makeups", new
            {
                originalShipmentId = original,
                reason = "Missing",
                lines = new[] { new { orderLineId = lineId, quantity } },
            })).Ok<JsonObject>(HttpStatusCode.Created);
            return detail["shipments"]!.AsArray().Last(s => (string?)s!["kind"] == "MakeUp")!;
        }

        var makeUp = await RequestMakeUp(2);
        using var head = await app.As("head");
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/approvals/{makeUp["approvalId"]}/approve", new { comment = "同意补发" })).StatusCode);
        var approved = await Orders.Get(am1, order);
        Assert.Equal(2m, (decimal)approved["lines"]![0]!["makeUpApproved"]!);
        makeUp = approved["shipments"]!.AsArray().Single(s => (string?)s!["id"] == (string?)makeUp["id"])!;
        Assert.Equal("Approved", (string?)makeUp["status"]);

        Assert.Equal(HttpStatusCode.NoContent, (await am1.PostAsJsonAsync($"/api/shipments/{makeUp["id"]}/ship", new { version = makeUp["version"], carrier = "德邦", trackingNumber = "DB1" })).StatusCode);
        var shipped = await Orders.Get(am1, order);
        Assert.Equal(2m, (decimal)shipped["lines"]![0]!["makeUpShipped"]!);
        makeUp = shipped["shipments"]!.AsArray().Single(s => (string?)s!["id"] == (string?)makeUp["id"])!;
        Assert.Equal("Shipped", (string?)makeUp["status"]);
        // Shipping it again would go beyond what was approved: refused.
        await (await am1.PostAsJsonAsync($"/api/shipments/{makeUp["id"]}/ship", new { version = makeUp["version"] })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await am1.PostAsJsonAsync($"/api/shipments/{makeUp["id"]}/deliver", new { version = makeUp["version"] })).StatusCode);

        var rejected = await RequestMakeUp(1);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/approvals/{rejected["approvalId"]}/reject", new { comment = "无需补发" })).StatusCode);
        var after = await Orders.Get(am1, order);
        Assert.Equal(2m, (decimal)after["lines"]![0]!["makeUpApproved"]!);
        rejected = after["shipments"]!.AsArray().Single(s => (string?)s!["id"] == (string?)rejected["id"])!;
        Assert.Equal("Rejected", (string?)rejected["status"]);
        await (await am1.PostAsJsonAsync($"/api/shipments/{rejected["id"]}/ship", new { version = rejected["version"] })).Problem(HttpStatusCode.Conflict);
        var timeline = (await (await am1.GetAsync($"/api/accounts/{account}/timeline")).ReadJson()).AsArray();
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.makeup_shipment");
    }

    private Task<decimal> OrderedAmount(Guid contractId) =>
        app.Read(db => db.Unscoped<Contract>().AsNoTracking().Where(c => c.Id == contractId).Select(c => c.OrderedAmount).SingleAsync());
}
