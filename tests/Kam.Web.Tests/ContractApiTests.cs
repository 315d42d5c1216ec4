using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kam.Core.Approvals;
using Kam.Core.Contracts;
using Kam.Core.Exports;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>Contracts and agreements (合同 / 协议): drafting, numbering, scope, locking, signing, terminating.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ContractApiTests(KamFactory app)
{
    private static async Task<Guid> NewAccount(HttpClient client) => Guid.Parse((string)(await Accounts.Create(client))["id"]!);

    [Fact]
    public async Task The_assistant_drafts_a_contract_for_an_account_managers_account_numbered_automatically()
    {
        using var am1 = await app.As("am1");
        using var assistant = await app.As("assistant");
        using var admin = await app.As("admin");
        var account = await NewAccount(am1);

        var first = await Contracts.Create(assistant, account, new { amount = 123456.785m });
        var second = await Contracts.Create(assistant, account);

        Assert.Equal("Draft", (string?)first["status"]);
        Assert.Equal("CNY", (string?)first["currency"]);
        Assert.Equal(123456.79m, (decimal)first["amount"]!);
        Assert.Equal(123456.79m, (decimal)first["effectiveAmount"]!);
        Assert.Equal("2027-12-31", (string?)first["effectiveEndOn"]);
        Assert.Equal(await Users.IdOf(admin, "assistant"), Guid.Parse((string)first["drafter"]!["id"]!));
        Assert.Equal(await Users.IdOf(admin, "am1"), Guid.Parse((string)first["owner"]!["id"]!));
        var n1 = Number().Match((string)first["number"]!);
        var n2 = Number().Match((string)second["number"]!);
        Assert.True(n1.Success && n2.Success, $"{first["number"]} {second["number"]}");
        Assert.Equal(DateTime.UtcNow.AddHours(8).Year.ToString(), n1.Groups[1].Value);
        Assert.Equal(int.Parse(n1.Groups[2].Value) + 1, int.Parse(n2.Groups[2].Value));

        var mine = await (await am1.GetAsync($"/api/accounts/{account}/contracts")).ReadJson();
        Assert.Equal(2, (int)mine["total"]!);
    }

    [Fact]
    public async Task Two_contracts_created_at_the_same_moment_get_different_consecutive_numbers()
    {
        using var head = await app.As("head");
        var account = await NewAccount(head);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => head.PostAsJsonAsync("/api/contracts", Contracts.Body(account))));
        var numbers = new List<int>();
        foreach (var response in responses)
        {
            var body = await response.Ok<JsonObject>(HttpStatusCode.Created);
            numbers.Add(int.Parse(Number().Match((string)body["number"]!).Groups[2].Value));
        }
        numbers.Sort();
        Assert.Equal(Enumerable.Range(numbers[0], 4), numbers);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_errors_and_nothing_is_written()
    {
        using var assistant = await app.As("assistant");
        var account = await NewAccount(assistant);
        var response = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new
        {
            title = "",
            amount = -5,
            startOn = "2027-01-01",
            endOn = "2026-01-01",
            ourSignatory = new string('王', 51),
        }));
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "title", "amount", "endOn", "ourSignatory" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        Assert.Equal("请填写合同名称", (string?)errors["title"]![0]);

        var noKind = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { kind = (string?)null }));
        Assert.NotNull((await noKind.Problem(HttpStatusCode.BadRequest))["errors"]!["kind"]);
        var list = await (await assistant.GetAsync($"/api/accounts/{account}/contracts")).ReadJson();
        Assert.Equal(0, (int)list["total"]!);
    }

    [Fact]
    public async Task A_supplementary_agreement_needs_an_agreed_parent_of_the_same_account()
    {
        using var assistant = await app.As("assistant");
        var account = await NewAccount(assistant);
        var other = await NewAccount(assistant);
        var parent = await Contracts.Create(assistant, account);
        var elsewhere = await Contracts.Create(assistant, other);
        var supplement = new { kind = "Supplementary", amount = -50000, changes = "单价下调" };

        var noParent = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, supplement));
        Assert.Equal("补充协议必须选择主合同", (string?)(await noParent.Problem(HttpStatusCode.BadRequest))["errors"]!["parentId"]![0]);
        var noChanges = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { kind = "Supplementary", parentId = parent.Id() }));
        Assert.NotNull((await noChanges.Problem(HttpStatusCode.BadRequest))["errors"]!["changes"]);
        var draftParent = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { kind = "Supplementary", parentId = parent.Id(), amount = 1, changes = "x" }));
        Assert.NotNull((await draftParent.Problem(HttpStatusCode.BadRequest))["errors"]!["parentId"]);
        await Contracts.SetStatus(app, elsewhere.Id(), ContractStatus.Approved);
        var otherAccount = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { kind = "Supplementary", parentId = elsewhere.Id(), amount = 1, changes = "x" }));
        Assert.NotNull((await otherAccount.Problem(HttpStatusCode.BadRequest))["errors"]!["parentId"]);
        var parentOnMain = await assistant.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { parentId = elsewhere.Id() }));
        Assert.NotNull((await parentOnMain.Problem(HttpStatusCode.BadRequest))["errors"]!["parentId"]);

        await Contracts.SetStatus(app, parent.Id(), ContractStatus.Approved);
        var created = await Contracts.Create(assistant, account, new { kind = "Supplementary", parentId = parent.Id(), amount = -50000, endOn = "2028-06-30", changes = "单价下调" });
        Assert.Equal(-50000m, (decimal)created["amount"]!);
        Assert.Equal((string)parent["number"]!, (string?)created["parentNumber"]);
        // A draft supplement does not count yet.
        Assert.Equal(500000m, (decimal)(await Contracts.Get(assistant, parent.Id()))["effectiveAmount"]!);
    }

    [Fact]
    public async Task An_account_manager_sees_and_drafts_only_within_their_accounts()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var account = await NewAccount(am1);
        var contract = await Contracts.Create(am1, account);
        var id = contract.Id();

        await (await am2.GetAsync($"/api/contracts/{id}")).Problem(HttpStatusCode.NotFound);
        await (await am2.GetAsync($"/api/accounts/{account}/contracts")).Problem(HttpStatusCode.NotFound);
        await (await am2.PutAsJsonAsync($"/api/contracts/{id}", Contracts.Body(account, new { version = (string)contract["version"]! }))).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/contracts/{id}/submit", new { })).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync("/api/contracts", Contracts.Body(account))).Problem(HttpStatusCode.NotFound);
        var list = await (await am2.GetAsync($"/api/contracts?search={contract["number"]}")).ReadJson();
        Assert.Equal(0, (int)list["total"]!);
        var own = await (await am1.GetAsync($"/api/contracts?search={contract["number"]}")).ReadJson();
        Assert.Equal(id, Guid.Parse((string)own["items"]![0]!["id"]!));

        // The owner must be on the account: am2 is not.
        using var admin = await app.As("admin");
        var stranger = await am1.PostAsJsonAsync("/api/contracts", Contracts.Body(account, new { ownerId = await Users.IdOf(admin, "am2") }));
        Assert.NotNull((await stranger.Problem(HttpStatusCode.BadRequest))["errors"]!["ownerId"]);

        // An account manager drafts and submits, but neither signs nor terminates.
        Assert.Equal(HttpStatusCode.OK, (await am1.PostAsJsonAsync($"/api/contracts/{id}/submit", new { })).StatusCode);
        await Contracts.SetStatus(app, id, ContractStatus.Approved);
        await (await am1.PostAsync($"/api/contracts/{id}/sign", Sign("2026-03-01"))).Problem(HttpStatusCode.Forbidden);
        await (await am1.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "客户取消" })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_executive_reads_contracts_but_writes_none()
    {
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        var account = await NewAccount(head);
        var contract = await Contracts.Create(head, account);
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/contracts/{contract.Id()}")).StatusCode);
        Assert.False((bool)(await Contracts.Get(exec, contract.Id()))["can"]!["edit"]!);
        await (await exec.PostAsJsonAsync("/api/contracts", Contracts.Body(account))).Problem(HttpStatusCode.Forbidden);
        await (await exec.PutAsJsonAsync($"/api/contracts/{contract.Id()}", Contracts.Body(account, new { version = (string)contract["version"]! }))).Problem(HttpStatusCode.Forbidden);
        await (await exec.PostAsJsonAsync($"/api/contracts/{contract.Id()}/submit", new { })).Problem(HttpStatusCode.Forbidden);
        await (await exec.PostAsync($"/api/contracts/{contract.Id()}/archive", null)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_draft_is_edited_with_its_version_and_locked_once_submitted()
    {
        using var assistant = await app.As("assistant");
        var account = await NewAccount(assistant);
        var contract = await Contracts.Create(assistant, account);
        var id = contract.Id();
        var version = (string)contract["version"]!;

        var edited = await (await assistant.PutAsJsonAsync($"/api/contracts/{id}", Contracts.Body(account, new { title = "改过的合同", amount = 600000, version })))
            .Ok<JsonObject>();
        Assert.Equal("改过的合同", (string?)edited["title"]);
        Assert.Equal(600000m, (decimal)edited["effectiveAmount"]!);
        await (await assistant.PutAsJsonAsync($"/api/contracts/{id}", Contracts.Body(account, new { version }))).Problem(HttpStatusCode.Conflict);
        await (await assistant.PostAsJsonAsync($"/api/contracts/{id}/submit", new { version })).Problem(HttpStatusCode.Conflict);

        var submitted = await (await assistant.PostAsJsonAsync($"/api/contracts/{id}/submit", new { version = (string)edited["version"]! })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        Assert.NotNull(submitted["approvalId"]);
        var request = await app.Read(db => db.Unscoped<ApprovalRequest>().Include(r => r.Steps).SingleAsync(r => r.DocumentId == id));
        Assert.Equal(("contract", 600000m), (request.DocumentType, request.Amount));
        Assert.Equal(["Head"], request.Steps.Select(s => s.ApproverRole));

        var locked = await (await assistant.PutAsJsonAsync($"/api/contracts/{id}", Contracts.Body(account, new { version = (string)submitted["version"]! }))).Problem(HttpStatusCode.Conflict);
        Assert.Equal("contract.locked", (string?)locked["code"]);
        await (await assistant.PostAsJsonAsync($"/api/contracts/{id}/submit", new { })).Problem(HttpStatusCode.Conflict);
        await (await assistant.PostAsync($"/api/contracts/{id}/archive", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_assistant_signs_an_approved_contract_with_the_scanned_copy_and_it_is_in_force_from_its_start()
    {
        using var am1 = await app.As("am1");
        using var assistant = await app.As("assistant");
        var account = await NewAccount(am1);
        var running = await Contracts.Create(am1, account);
        var later = await Contracts.Create(am1, account, new { startOn = "2040-01-01", endOn = "2041-12-31" });

        await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", Sign("2026-03-01"))).Problem(HttpStatusCode.Conflict);
        await Contracts.SetStatus(app, running.Id(), ContractStatus.Approved);
        await Contracts.SetStatus(app, later.Id(), ContractStatus.Approved);

        var nothing = new MultipartFormDataContent { { new StringContent(""), "signedOn" } };
        var missing = await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", nothing)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["file"]);
        Assert.NotNull(missing["errors"]!["signedOn"]);
        var future = await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", Sign("2099-01-01"))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["signedOn"]);
        var badType = await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", Sign("2026-03-01", "scan.exe"))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(badType["errors"]!["file"]);
        Assert.Equal("Approved", (string?)(await Contracts.Get(assistant, running.Id()))["status"]);

        var signed = await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", Sign("2026-03-01"))).Ok<JsonObject>();
        Assert.Equal(("InForce", "2026-03-01", "合同扫描件.pdf"), ((string?)signed["status"], (string?)signed["signedOn"], (string?)signed["signedCopyName"]));
        var documents = await (await am1.GetAsync($"/api/accounts/{account}/attachments")).ReadJson();
        Assert.Contains(documents.AsArray(), d => (string?)d!["id"] == (string?)signed["signedCopyId"] && (string?)d["kind"] == "Agreement");
        var notYet = await (await assistant.PostAsync($"/api/contracts/{later.Id()}/sign", Sign("2026-03-01"))).Ok<JsonObject>();
        Assert.Equal("Signed", (string?)notYet["status"]);
        await (await assistant.PostAsync($"/api/contracts/{running.Id()}/sign", Sign("2026-03-01"))).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_head_terminates_a_running_contract_with_a_reason()
    {
        using var head = await app.As("head");
        var account = await NewAccount(head);
        var contract = await Contracts.Create(head, account);
        var id = contract.Id();
        await (await head.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "客户取消" })).Problem(HttpStatusCode.Conflict);
        await Contracts.SetStatus(app, id, ContractStatus.InForce);

        var noReason = await (await head.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = " " })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var done = await (await head.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "客户经营调整，双方协商终止" })).Ok<JsonObject>();
        Assert.Equal(("Terminated", "客户经营调整，双方协商终止"), ((string?)done["status"], (string?)done["terminationReason"]));
        Assert.NotNull(done["terminatedOn"]);
        await (await head.PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "再次" })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_drafts_are_archived_and_restored()
    {
        using var am1 = await app.As("am1");
        var account = await NewAccount(am1);
        var draft = await Contracts.Create(am1, account);
        var id = draft.Id();
        Assert.Equal(HttpStatusCode.NoContent, (await am1.PostAsync($"/api/contracts/{id}/archive", null)).StatusCode);
        Assert.Equal(0, (int)(await (await am1.GetAsync($"/api/accounts/{account}/contracts")).ReadJson())["total"]!);
        var archived = await (await am1.GetAsync($"/api/contracts?archived=true&account={account}")).ReadJson();
        Assert.Equal(id, Guid.Parse((string)archived["items"]![0]!["id"]!));
        await (await am1.PutAsJsonAsync($"/api/contracts/{id}", Contracts.Body(account, new { version = (string)(await Contracts.Get(am1, id))["version"]! }))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await am1.PostAsync($"/api/contracts/{id}/restore", null)).StatusCode);
        Assert.Equal(1, (int)(await (await am1.GetAsync($"/api/accounts/{account}/contracts")).ReadJson())["total"]!);

        await Contracts.SetStatus(app, id, ContractStatus.Signed);
        Assert.Equal("contract.not_draft", (string?)(await (await am1.PostAsync($"/api/contracts/{id}/archive", null)).Problem(HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages()
    {
        using var head = await app.As("head");
        var account = await NewAccount(head);
        var tag = "搜索" + Guid.NewGuid().ToString("N")[..6];
        var framework = await Contracts.Create(head, account, new { kind = "Framework", title = tag + "框架协议", amount = 3000000 });
        var purchase = await Contracts.Create(head, account, new { title = tag + "采购合同", amount = 100 });
        await Contracts.SetStatus(app, purchase.Id(), ContractStatus.Approved);

        var byTitle = await (await head.GetAsync($"/api/contracts?search={tag}&sort=-amount")).ReadJson();
        Assert.Equal([framework.Id(), purchase.Id()], byTitle["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        var ascending = await (await head.GetAsync($"/api/contracts?search={tag}&sort=amount&pageSize=1&page=2")).ReadJson();
        Assert.Equal(2, (int)ascending["total"]!);
        Assert.Equal(framework.Id(), Guid.Parse((string)ascending["items"]![0]!["id"]!));
        var byNumber = await (await head.GetAsync($"/api/contracts?search={((string)purchase["number"]!).ToLowerInvariant()}")).ReadJson();
        Assert.Equal(purchase.Id(), Guid.Parse((string)byNumber["items"]![0]!["id"]!));
        var accountName = (string)(await (await head.GetAsync($"/api/accounts/{account}")).ReadJson())["name"]!;
        Assert.Equal(2, (int)(await (await head.GetAsync($"/api/contracts?search={Uri.EscapeDataString(accountName)}")).ReadJson())["total"]!);
        var kind = await (await head.GetAsync($"/api/contracts?search={tag}&kind=Framework")).ReadJson();
        Assert.Equal(framework.Id(), Guid.Parse((string)kind["items"]!.AsArray().Single()!["id"]!));
        var status = await (await head.GetAsync($"/api/contracts?account={account}&status=Approved")).ReadJson();
        Assert.Equal(purchase.Id(), Guid.Parse((string)status["items"]!.AsArray().Single()!["id"]!));
    }

    [Fact]
    public async Task The_export_is_a_spreadsheet_of_the_filtered_list_and_is_logged()
    {
        using var head = await app.As("head");
        var account = await NewAccount(head);
        await Contracts.Create(head, account);
        var response = await head.GetAsync($"/api/contracts/export?account={account}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Uploads.Xlsx, response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true).ToList();
        Assert.Single(rows);
        Assert.Equal("采购合同", (string)((IDictionary<string, object>)rows[0])["类型"]);
        var log = await app.Read(db => db.Unscoped<ExportLog>().Where(e => e.Kind == "contracts").OrderByDescending(e => e.CreatedAt).FirstAsync());
        Assert.Contains(account.ToString(), log.Filter);
    }

    [Fact]
    public async Task The_head_sets_the_numbering_pattern_and_others_may_not()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        await (await am1.PutAsJsonAsync("/api/contracts/numbering", new { pattern = "X{seq}" })).Problem(HttpStatusCode.Forbidden);
        var bad = await (await head.PutAsJsonAsync("/api/contracts/numbering", new { pattern = "HT-{yyyy}" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["pattern"]);
        await (await head.PutAsJsonAsync("/api/contracts/numbering", new { pattern = "HT {seq}" })).Problem(HttpStatusCode.BadRequest);
        try
        {
            var set = await (await head.PutAsJsonAsync("/api/contracts/numbering", new { pattern = "HT{yy}{MM}-{seq:000}" })).Ok<JsonObject>();
            Assert.Matches(@"^HT\d{4}-\d{3,}$", (string)set["example"]!);
            var account = await NewAccount(head);
            var contract = await Contracts.Create(head, account);
            Assert.Equal((string?)set["example"], (string?)contract["number"]);
        }
        finally
        {
            await head.PutAsJsonAsync("/api/contracts/numbering", new { pattern = ContractNumbers.DefaultPattern });
        }
        Assert.Equal(ContractNumbers.DefaultPattern, (string?)(await (await am1.GetAsync("/api/contracts/numbering")).ReadJson())["pattern"]);
    }

    [Fact]
    public async Task A_leavers_contracts_in_progress_move_with_their_accounts()
    {
        var leaverName = await Users.Create(app, "cleaver");
        var heirName = await Users.Create(app, "cheir");
        using var admin = await app.As("admin");
        var leaverId = await Users.IdOf(admin, leaverName);
        var heirId = await Users.IdOf(admin, heirName);
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        var account = await NewAccount(leaver);
        var open = await Contracts.Create(leaver, account);
        var ended = await Contracts.Create(leaver, account);
        await Contracts.SetStatus(app, ended.Id(), ContractStatus.Expired);

        using var head = await app.As("head");
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={heirId}")).ReadJson();
        var line = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.contracts")!;
        Assert.Equal(1, (int)line["count"]!);
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = heirId })).StatusCode);

        Assert.Equal(heirId, Guid.Parse((string)(await Contracts.Get(head, open.Id()))["owner"]!["id"]!));
        Assert.Equal(leaverId, Guid.Parse((string)(await Contracts.Get(head, ended.Id()))["owner"]!["id"]!));
    }

    [Fact]
    public async Task The_account_timeline_shows_a_contract_drafted_and_submitted()
    {
        using var assistant = await app.As("assistant");
        var account = await NewAccount(assistant);
        var contract = await Contracts.Create(assistant, account);
        await assistant.PostAsJsonAsync($"/api/contracts/{contract.Id()}/submit", new { });
        var timeline = await (await assistant.GetAsync($"/api/accounts/{account}/timeline")).ReadJson();
        var kinds = timeline.AsArray().Where(e => ((string?)e!["subject"])?.StartsWith((string)contract["number"]!) == true).Select(e => (string?)e!["kind"]).ToList();
        Assert.Contains("timeline.contract_created", kinds);
        Assert.Contains("timeline.contract_submitted", kinds);
    }

    private static MultipartFormDataContent Sign(string signedOn, string fileName = "合同扫描件.pdf")
    {
        var form = Uploads.File(fileName, "%PDF-1.4 signed"u8.ToArray(), "application/pdf");
        form.Add(new StringContent(signedOn), "signedOn");
        return form;
    }

    [GeneratedRegex(@"^KA-(\d{4})-(\d{4,})$")]
    private static partial Regex Number();
}
