namespace Kam.Bench.Soaking;

/// <summary>One kind of request of the soak, as the report names it: reads and writes are judged apart.</summary>
public sealed record SoakOperation(string Name, bool IsWrite, string Method, string Route)
{
    public static readonly SoakOperation AccountsList = new("accounts-list", false, "GET", "/api/accounts?page=1&pageSize=20");
    public static readonly SoakOperation AccountDetail = new("account-detail", false, "GET", "/api/accounts/{id}");
    public static readonly SoakOperation AccountContacts = new("account-contacts", false, "GET", "/api/accounts/{id}/contacts");
    public static readonly SoakOperation VisitsList = new("visits-list", false, "GET", "/api/visits?page=1");
    public static readonly SoakOperation OrdersList = new("orders-list", false, "GET", "/api/orders?page=1&pageSize=20");
    public static readonly SoakOperation Workbench = new("workbench", false, "GET", "/api/workbench");
    public static readonly SoakOperation Receivables = new("receivables", false, "GET", "/api/receivables");
    public static readonly SoakOperation VisitRecordCreate = new("visit-record-create", true, "POST", "/api/visits");
    public static readonly SoakOperation VisitRecordEdit = new("visit-record-edit", true, "PUT", "/api/visits/{id}");
    public static readonly SoakOperation VisitPlanCreate = new("visit-plan-create", true, "POST", "/api/visit-plans");
    public static readonly SoakOperation VisitPlanEdit = new("visit-plan-edit", true, "PUT", "/api/visit-plans/{id}");
    public static readonly SoakOperation OrderCreate = new("order-create", true, "POST", "/api/orders");
    public static readonly SoakOperation OrderConfirm = new("order-confirm", true, "POST", "/api/orders/{id}/confirm");
    public static readonly SoakOperation PaymentCreate = new("payment-create", true, "POST", "/api/payments");

    /// <summary>Every operation in the order the report lists them.</summary>
    public static readonly IReadOnlyList<SoakOperation> All =
    [
        AccountsList, AccountDetail, AccountContacts, VisitsList, OrdersList, Workbench, Receivables,
        VisitRecordCreate, VisitRecordEdit, VisitPlanCreate, VisitPlanEdit, OrderCreate, OrderConfirm, PaymentCreate,
    ];
}

/// <summary>What a client does in one iteration: a read is one request, a write is a short flow of two or three.</summary>
public enum SoakTask
{
    AccountsList,
    AccountDetail,
    AccountContacts,
    VisitsList,
    OrdersList,
    Workbench,
    Receivables,

    /// <summary>Log a visit on one of the client's accounts, then correct the record.</summary>
    VisitRecord,

    /// <summary>Plan a visit on one of the client's accounts, then move it.</summary>
    VisitPlan,

    /// <summary>Enter an order on one of the client's accounts, confirm it, and record a payment on its receivable.</summary>
    OrderAndPayment,
}

/// <summary>
/// The mix, by iteration: 70% reads (the pages an account manager opens all day), 30% writes. Weights are per
/// iteration, not per request: a write iteration sends two or three requests, so about half of the requests write.
/// </summary>
public static class SoakMix
{
    public static readonly IReadOnlyList<(SoakTask Task, int Weight)> Weights =
    [
        (SoakTask.AccountsList, 12),
        (SoakTask.AccountDetail, 12),
        (SoakTask.AccountContacts, 10),
        (SoakTask.VisitsList, 10),
        (SoakTask.OrdersList, 10),
        (SoakTask.Workbench, 8),
        (SoakTask.Receivables, 8),
        (SoakTask.VisitRecord, 10),
        (SoakTask.VisitPlan, 8),
        (SoakTask.OrderAndPayment, 12),
    ];

    private static readonly int Total = Weights.Sum(w => w.Weight);

    public static SoakTask Pick(Random random)
    {
        var roll = random.Next(Total);
        foreach (var (task, weight) in Weights)
        {
            if (roll < weight)
                return task;
            roll -= weight;
        }
        return Weights[^1].Task;
    }

    public static bool IsWrite(SoakTask task) => task is SoakTask.VisitRecord or SoakTask.VisitPlan or SoakTask.OrderAndPayment;

    /// <summary>"reads 70% (accounts-list 12, ...), writes 30% (...)" for the report's settings.</summary>
    public static string Describe()
    {
        string Part(bool writes) => string.Join(", ", Weights.Where(w => IsWrite(w.Task) == writes).Select(w => $"{w.Task} {w.Weight}"));
        var writeShare = Weights.Where(w => IsWrite(w.Task)).Sum(w => w.Weight) * 100 / Total;
        return $"reads {100 - writeShare}% ({Part(false)}), writes {writeShare}% ({Part(true)})";
    }
}
