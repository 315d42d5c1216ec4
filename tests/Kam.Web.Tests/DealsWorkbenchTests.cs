using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Opportunities;
using Kam.Core.Payments;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>The money side of the workbench, figured from the records of a fresh account manager's own account.</summary>
[Collection(ApiCollection.Name)]
public sealed class DealsWorkbenchTests(KamFactory app)
{
    [Fact]
    public async Task An_account_manager_sees_their_receivables_expiring_contracts_and_pipeline()
    {
        var userName = await Users.Create(app, "deskam");
        using var am = await app.WithPassword(userName, Users.Password);
        var account = await Accounts.Create(am);
        var accountId = (Guid)account["id"]!;
        var ownerId = (Guid)account["owner"]!["id"]!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BusinessClock.Zone).DateTime);
        var number = $"KA-T-{Guid.NewGuid().ToString("N")[..8]}";
        await app.Change(db =>
        {
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = accountId, No = 1, DueOn = today.AddDays(-40), Amount = 1000m, Collected = 250m });
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = accountId, No = 2, DueOn = today.AddDays(20), Amount = 500m });
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = accountId, No = 3, DueOn = today.AddDays(-5), Amount = 300m, Collected = 300m, Settled = true });
            db.Unscoped<Contract>().Add(new Contract
            {
                Number = number,
                AccountId = accountId,
                Title = "工作台合同",
                Amount = 10000m,
                EffectiveAmount = 10000m,
                StartOn = today.AddDays(-300),
                EndOn = today.AddDays(10),
                EffectiveEndOn = today.AddDays(10),
                Status = ContractStatus.InForce,
                OwnerId = ownerId,
                DrafterId = ownerId,
            });
            db.Unscoped<Opportunity>().Add(new Opportunity
            {
                AccountId = accountId,
                Name = "工作台商机",
                ExpectedAmount = 100000m,
                Stage = "proposal",
                Probability = 50,
                OwnerId = ownerId,
            });
            return Task.CompletedTask;
        });

        var deals = (await (await am.GetAsync("/api/workbench")).ReadJson())["deals"]!;
        Assert.Equal(750m, (decimal)deals["receivableOverdue"]!);
        Assert.Equal(1250m, (decimal)deals["receivableOpen"]!);
        Assert.Equal(1, (int)deals["instalmentsOverdue"]!);
        Assert.Equal(1, (int)deals["contractsExpiring"]!);
        Assert.Equal(number, (string?)deals["expiring"]![0]!["number"]);
        Assert.Equal(10, (int)deals["expiring"]![0]!["daysLeft"]!);
        Assert.Equal(50000m, (decimal)deals["pipelineWeighted"]!);
        Assert.Equal(1, (int)deals["opportunitiesOpen"]!);
        Assert.Equal(0, (int)deals["approvalsWaiting"]!);

        // Another account manager does not see them; the head sees the department's, which includes them.
        using var am2 = await app.As("am2");
        var theirs = (await (await am2.GetAsync("/api/workbench")).ReadJson())["deals"]!;
        Assert.DoesNotContain(theirs["expiring"]!.AsArray(), c => (string?)c!["number"] == number);
        using var head = await app.As("head");
        var department = (await (await head.GetAsync("/api/workbench")).ReadJson())["deals"]!;
        Assert.True((decimal)department["receivableOverdue"]! >= 750m);
        Assert.True((int)department["contractsExpiring"]! >= 1);
    }
}
