using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>Contracts through the approval endpoints: whose authority a contract needs, and what each outcome does.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractApprovalTests(KamFactory app)
{
    private async Task<(HttpClient Am1, Guid Account)> Am1Account()
    {
        var am1 = await app.As("am1");
        return (am1, Guid.Parse((string)(await Accounts.Create(am1))["id"]!));
    }

    private static async Task<string> Submit(HttpClient client, Guid id)
    {
        var submitted = await (await client.PostAsJsonAsync($"/api/contracts/{id}/submit", new { note = "请审批" })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        return (string)submitted["approvalId"]!;
    }

    [Fact]
    public async Task A_2_000_000_contract_needs_the_executive_after_the_head()
    {
        var (am1, account) = await Am1Account();
        using var _ = am1;
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        var contract = await Contracts.Create(assistant, account, new { amount = 2000000 });
        var approval = await Submit(assistant, contract.Id());

        // The executive's step comes second: not theirs to decide yet.
        await (await exec.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { })).Problem(HttpStatusCode.Forbidden);
        await (await head.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { comment = "同意，报副总" })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)(await Contracts.Get(assistant, contract.Id()))["status"]);
        await (await exec.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { comment = "同意" })).Ok<JsonObject>();
        var approved = await Contracts.Get(am1, contract.Id());
        Assert.Equal("Approved", (string?)approved["status"]);
        Assert.True((bool)(await Contracts.Get(assistant, contract.Id()))["can"]!["sign"]!);
    }

    [Fact]
    public async Task A_500_000_contract_with_standard_terms_needs_only_the_head_and_non_standard_terms_need_the_executive()
    {
        var (am1, account) = await Am1Account();
        using var _ = am1;
        using var head = await app.As("head");
        var contract = await Contracts.Create(am1, account, new { amount = 500000 });
        var approval = await Submit(am1, contract.Id());
        await (await head.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { })).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)(await Contracts.Get(am1, contract.Id()))["status"]);

        var special = await Contracts.Create(am1, account, new { amount = 500000, nonStandardTerms = true, paymentTerms = "发货后180天付款" });
        var second = await Submit(am1, special.Id());
        await (await head.PostAsJsonAsync($"/api/approvals/{second}/approve", new { })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)(await Contracts.Get(am1, special.Id()))["status"]);
    }

    [Fact]
    public async Task Nobody_approves_a_contract_they_submitted()
    {
        using var head = await app.As("head");
        var account = Guid.Parse((string)(await Accounts.Create(head))["id"]!);
        var contract = await Contracts.Create(head, account);
        var approval = await Submit(head, contract.Id());
        var refused = await (await head.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { })).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("approval.own_document", (string?)refused["code"]);
        Assert.Equal("UnderReview", (string?)(await Contracts.Get(head, contract.Id()))["status"]);
    }

    [Fact]
    public async Task A_rejected_contract_goes_back_to_its_author_to_edit_and_resubmit()
    {
        var (am1, account) = await Am1Account();
        using var _ = am1;
        using var head = await app.As("head");
        var contract = await Contracts.Create(am1, account);
        var first = await Submit(am1, contract.Id());
        await (await head.PostAsJsonAsync($"/api/approvals/{first}/reject", new { })).Problem(HttpStatusCode.BadRequest);
        await (await head.PostAsJsonAsync($"/api/approvals/{first}/reject", new { comment = "付款条件需重新谈判" })).Ok<JsonObject>();

        var rejected = await Contracts.Get(am1, contract.Id());
        Assert.Equal("Rejected", (string?)rejected["status"]);
        Assert.True((bool)rejected["can"]!["edit"]!);
        var trail = await (await am1.GetAsync($"/api/approvals?documentType=contract&documentId={contract.Id()}")).ReadJson();
        Assert.Contains("付款条件需重新谈判", trail.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var edited = await (await am1.PutAsJsonAsync($"/api/contracts/{contract.Id()}",
            Contracts.Body(account, new { paymentTerms = "月结60天", version = (string)rejected["version"]! }))).Ok<JsonObject>();
        Assert.Equal("Rejected", (string?)edited["status"]);
        var second = await Submit(am1, contract.Id());
        Assert.NotEqual(first, second);
        await (await head.PostAsJsonAsync($"/api/approvals/{second}/approve", new { })).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)(await Contracts.Get(am1, contract.Id()))["status"]);
    }

    [Fact]
    public async Task A_withdrawn_contract_is_a_draft_again()
    {
        using var assistant = await app.As("assistant");
        var account = Guid.Parse((string)(await Accounts.Create(assistant))["id"]!);
        var contract = await Contracts.Create(assistant, account);
        var approval = await Submit(assistant, contract.Id());
        await (await assistant.PostAsync($"/api/approvals/{approval}/withdraw", null)).Ok<JsonObject>();
        Assert.Equal("Draft", (string?)(await Contracts.Get(assistant, contract.Id()))["status"]);
    }

    [Fact]
    public async Task The_head_delegates_a_step_whose_approver_is_absent_and_only_the_delegate_decides_it()
    {
        var (am1, account) = await Am1Account();
        using var _ = am1;
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        var contract = await Contracts.Create(assistant, account, new { amount = 300000 });
        var approval = await Submit(assistant, contract.Id());

        // Waiting for the head: in the head's box and the head is told; not in the executive's.
        Assert.Contains((await (await head.GetAsync("/api/approvals/pending?pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        Assert.DoesNotContain((await (await exec.GetAsync("/api/approvals/pending?pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        var execId = (string)(await (await exec.GetAsync("/api/me")).ReadJson())["id"]!;
        var assistantId = (string)(await (await assistant.GetAsync("/api/me")).ReadJson())["id"]!;

        // Only the head delegates; not to the author; not to someone without an approving role.
        await (await am1.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = execId })).Problem(HttpStatusCode.Forbidden);
        var toAuthor = await (await head.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = assistantId })).Problem(HttpStatusCode.BadRequest);
        Assert.True(toAuthor["errors"]!.AsObject().ContainsKey("userId"));
        var delegated = await (await head.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = execId, reason = "部长出差" })).Ok<JsonObject>();
        Assert.Equal(execId, (string?)delegated["steps"]![0]!["delegateId"]);

        // Now the executive decides the head's step, the head no longer may; the executive was told.
        Assert.Contains((await (await exec.GetAsync("/api/approvals/pending?pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        Assert.DoesNotContain((await (await head.GetAsync("/api/approvals/pending?pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        var told = await (await exec.GetAsync("/api/notifications?pageSize=50")).ReadJson();
        Assert.Contains(told["items"]!.AsArray(), n => (string?)n!["kind"] == "notify.approval_waiting" && ((string?)n["subject"] ?? "").Contains((string)contract["number"]!));
        await (await head.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { })).Problem(HttpStatusCode.Forbidden);
        var decided = await (await exec.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { comment = "代部长同意" })).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)decided["status"]);
        Assert.Equal(execId, (string?)decided["steps"]![0]!["deciderId"]);
        Assert.Equal("Approved", (string?)(await Contracts.Get(assistant, contract.Id()))["status"]);

        // The decision is in the executive's "decided" box and the author's "submitted" box; the author was told.
        Assert.Contains((await (await exec.GetAsync("/api/approvals?box=Decided&pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        Assert.Contains((await (await assistant.GetAsync("/api/approvals?box=Submitted&pageSize=200")).ReadJson())["items"]!.AsArray(), a => (string?)a!["id"] == approval);
        var news = await (await assistant.GetAsync("/api/notifications?pageSize=50")).ReadJson();
        Assert.Contains(news["items"]!.AsArray(), n => (string?)n!["kind"] == "notify.approval_approved");
        // A closed request takes no more decisions.
        await (await head.PostAsJsonAsync($"/api/approvals/{approval}/reject", new { comment = "晚了" })).Problem(HttpStatusCode.Conflict);
    }
}
