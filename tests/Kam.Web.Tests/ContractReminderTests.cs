using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Approvals;
using Kam.Core.Contracts;
using Kam.Core.Notifications;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>Contracts and the date: in force from the start, expired after the end, expiring ones announced once.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractReminderTests(KamFactory app)
{
    [Fact]
    public async Task A_contract_ending_within_30_days_is_listed_and_reminded_to_its_owner_and_the_head_once()
    {
        // Far in the future, so no other test's reminder run meets these occasions.
        var today = new DateOnly(2045, 6, 1);
        using var am1 = await app.As("am1");
        using var head = await app.As("head");
        using var admin = await app.As("admin");
        var account = Guid.Parse((string)(await Accounts.Create(am1))["id"]!);
        var soon = await Contracts.Create(am1, account, new { startOn = "2045-01-01", endOn = "2045-06-20" });
        var later = await Contracts.Create(am1, account, new { startOn = "2045-01-01", endOn = "2045-08-31" });
        var ended = await Contracts.Create(am1, account, new { startOn = "2044-01-01", endOn = "2045-05-31" });
        foreach (var c in new[] { soon, later, ended })
            await Contracts.SetStatus(app, c.Id(), ContractStatus.Signed);

        ReminderRun first, second;
        await using (var s = new SystemScope(app))
            first = await s.Reminders(SystemScope.At(today, 8, 0)).RunAsync();
        await using (var s = new SystemScope(app))
            second = await s.Reminders(SystemScope.At(today, 8, 15)).RunAsync();

        Assert.True(first.ContractsExpiring >= 2, first.ToString());
        Assert.Equal(0, second.ContractsExpiring);
        var sent = await app.Read(db => db.Unscoped<Notification>().Where(n => n.Key == $"contract_expiring:{soon.Id()}:2045-06-20").ToListAsync());
        Assert.Contains(await Users.IdOf(admin, "am1"), sent.Select(n => n.UserId));
        Assert.Contains(await Users.IdOf(admin, "head"), sent.Select(n => n.UserId));
        Assert.Equal(sent.Count, sent.Select(n => n.UserId).Distinct().Count());
        Assert.All(sent, n => Assert.Equal((NotificationKinds.ContractExpiring, new DateOnly(2045, 6, 20), $"/contracts/{soon.Id()}"), (n.Kind, n.DueOn, n.Link)));
        Assert.False(await app.Read(db => db.Unscoped<Notification>().AnyAsync(n => n.Key.StartsWith($"contract_expiring:{later.Id()}:"))));

        // The run also moved them with the date: started ones are in force, the one past its end expired.
        Assert.Equal("InForce", (string?)(await Contracts.Get(am1, soon.Id()))["status"]);
        Assert.Equal("Expired", (string?)(await Contracts.Get(am1, ended.Id()))["status"]);
    }

    [Fact]
    public async Task The_expiring_list_holds_running_contracts_ending_within_30_days()
    {
        using var head = await app.As("head");
        var account = Guid.Parse((string)(await Accounts.Create(head))["id"]!);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var soon = await Contracts.Create(head, account, new { startOn = today.AddYears(-1), endOn = today.AddDays(10) });
        var draft = await Contracts.Create(head, account, new { startOn = today.AddYears(-1), endOn = today.AddDays(10) });
        var far = await Contracts.Create(head, account, new { startOn = today.AddYears(-1), endOn = today.AddDays(90) });
        await Contracts.SetStatus(app, soon.Id(), ContractStatus.InForce);
        await Contracts.SetStatus(app, far.Id(), ContractStatus.InForce);

        var listed = await (await head.GetAsync($"/api/contracts?account={account}&expiring=true")).ReadJson();
        Assert.Equal([soon.Id()], listed["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.True((bool)listed["items"]![0]!["expiring"]!);
        var expiring = await (await head.GetAsync("/api/contracts/expiring?pageSize=200")).ReadJson();
        var ids = expiring["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ToList();
        Assert.Contains(soon.Id(), ids);
        Assert.DoesNotContain(draft.Id(), ids);
        Assert.DoesNotContain(far.Id(), ids);

        using var am2 = await app.As("am2");
        var others = await (await am2.GetAsync("/api/contracts/expiring?pageSize=200")).ReadJson();
        Assert.DoesNotContain(soon.Id(), others["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
    }

    [Fact]
    public async Task An_approved_supplement_changes_its_parents_effective_amount_and_end()
    {
        using var assistant = await app.As("assistant");
        var account = Guid.Parse((string)(await Accounts.Create(assistant))["id"]!);
        var parent = await Contracts.Create(assistant, account, new { amount = 800000, endOn = "2027-12-31" });
        await Contracts.SetStatus(app, parent.Id(), ContractStatus.InForce);
        var more = await Contracts.Create(assistant, account, new { kind = "Supplementary", parentId = parent.Id(), amount = 300000, endOn = "2028-06-30", changes = "增加采购量并延期半年" });
        var less = await Contracts.Create(assistant, account, new { kind = "Supplementary", parentId = parent.Id(), amount = -100000, endOn = "2027-06-30", changes = "减少一批" });

        // The supplement's approval is judged on the parent's amount after the change.
        Assert.Equal(HttpStatusCode.OK, (await assistant.PostAsJsonAsync($"/api/contracts/{more.Id()}/submit", new { })).StatusCode);
        var request = await app.Read(db => db.Unscoped<ApprovalRequest>().Include(r => r.Steps).SingleAsync(r => r.DocumentId == more.Id()));
        Assert.Equal(1100000m, request.Amount);
        Assert.Equal(["Head", "Executive"], request.Steps.OrderBy(s => s.Order).Select(s => s.ApproverRole));

        using var head = await app.As("head");
        using var exec = await app.As("exec");
        var approvalId = (string)(await Contracts.Get(assistant, more.Id()))["approvalId"]!;
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { comment = "同意" })).StatusCode);
        Assert.Equal(800000m, (decimal)(await Contracts.Get(assistant, parent.Id()))["effectiveAmount"]!);
        Assert.Equal(HttpStatusCode.OK, (await exec.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { })).StatusCode);
        Assert.Equal("Approved", (string?)(await Contracts.Get(assistant, more.Id()))["status"]);
        await Contracts.SetStatus(app, less.Id(), ContractStatus.Approved);
        var view = await Contracts.Get(assistant, parent.Id());
        Assert.Equal(1100000m, (decimal)view["effectiveAmount"]!);
        Assert.Equal("2028-06-30", (string?)view["effectiveEndOn"]);
        Assert.Equal(2, view["supplements"]!.AsArray().Count);

        // Terminating a supplement takes it out again (and the parent's figures follow the ones that count).
        await (await head.PostAsJsonAsync($"/api/contracts/{more.Id()}/terminate", new { reason = "补充协议作废" })).Ok<JsonObject>();
        view = await Contracts.Get(assistant, parent.Id());
        Assert.Equal(700000m, (decimal)view["effectiveAmount"]!);
        Assert.Equal("2027-12-31", (string?)view["effectiveEndOn"]);
    }
}
