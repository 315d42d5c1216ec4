using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Kam.Core.Service;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The department's service cases, consistent with what was shipped: a few days after a shipment its account raises a
/// complaint, an objection or a question about it, handled by the account's owner against the shipped deadlines in
/// working time. Older cases went their whole way (mostly on time, some late, now and then reopened once); recent ones
/// are at every step, a few past their deadline. About 30 in the demo; at the benchmark's size three for every five
/// accounts, written in bulk.
/// </summary>
public sealed class DemoServiceStep(KamDbContext db, TimeProvider clock) : ISeedStep
{
    public int Order => 63;

    private static readonly (string Category, CaseKind Kind, string Title, string Description, string Resolution, string Cause, string Action)[] Stories =
    [
        ("quality", CaseKind.Complaint, "到货部分板材开裂", "客户验收时发现部分板材边缘开裂，要求更换并说明原因", "补发同规格板材并现场更换", "批次含水率偏高", "出厂前增加含水率抽检"),
        ("delivery", CaseKind.Complaint, "交货延迟影响工期", "约定到货日推迟三天，项目现场停工待料", "加急调货，次日送达并致歉", "排产计划未锁定大客户订单", "大客户订单单独排产并每周确认"),
        ("delivery", CaseKind.Complaint, "外包装破损", "到货外包装破损，部分五金件散落", "补发缺失五金件", "运输途中挤压", "更换加厚纸箱并加护角"),
        ("installation", CaseKind.Problem, "安装后柜门不平", "安装完成后部分柜门有高低差，请求上门调整", "安排安装师傅上门调整铰链", "", ""),
        ("billing", CaseKind.Objection, "对账单金额有异议", "客户认为本月对账单多计一笔运费", "核对后确认运费已含在合同价内，开具红字发票冲销", "对账规则未同步给财务", "合同运费条款同步至开票系统"),
        ("attitude", CaseKind.Complaint, "送货人员态度生硬", "客户反映送货人员催促签收、态度不好", "向客户致歉并更换送货团队", "外包物流培训不足", "物流服务商季度考核加入客户评价"),
        ("quality", CaseKind.Objection, "色差与样板不符", "到货颜色与确认样板有明显色差", "经双方确认在允许范围内，赠送保养套装", "客户对色差标准理解不同", "签样时写明色差允许范围"),
        ("other", CaseKind.Problem, "需要提供检测报告", "项目验收需要环保检测报告原件", "快递寄送检测报告原件", "", ""),
    ];

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<ServiceCase>().AnyAsync(ct))
            return;
        var scale = context.Options.Scale;
        var wanted = scale > 0 ? scale * 3 / 5 : 30;
        var random = new Random(context.Options.RandomSeed + 16);
        var now = clock.GetUtcNow();
        var today = BusinessClock.Today(clock);
        var shipments = await (from s in db.Unscoped<Shipment>().AsNoTracking()
                               where s.Kind == ShipmentKind.Regular && s.ShippedOn != null && s.ShippedOn <= today && s.ShippedOn >= today.AddDays(-400)
                               join a in db.Unscoped<Account>() on s.AccountId equals a.Id
                               where a.ArchivedAt == null
                               orderby s.ShippedOn descending
                               select new { s.Id, s.OrderId, s.AccountId, a.OwnerId, ShippedOn = s.ShippedOn!.Value }).Take(wanted * 4).ToListAsync(ct);
        if (shipments.Count == 0)
            return;
        // Half from the latest shipments (the cases still open), half from the rest of the year (their whole way done).
        var picked = shipments.Take(wanted / 2).Concat(shipments.Skip(wanted / 2).OrderBy(_ => random.Next()).Take(wanted - wanted / 2))
            .OrderBy(s => s.ShippedOn).ToList();
        var calendar = new WorkCalendar(WorkCalendars.DefaultPeriods, WorkCalendars.DefaultHolidays, WorkCalendars.DefaultWorkdays);
        var policy = new ServicePolicyView(ServicePolicies.DefaultRules, 75, [], null);
        var heads = context.Users.TryGetValue("head", out var head) ? head.Id : (Guid?)null;
        var cases = new List<ServiceCase>();
        var events = new List<CaseEvent>();
        var sequences = new Dictionary<int, int>();

        foreach (var s in picked)
        {
            var story = Stories[random.Next(Stories.Length)];
            var severity = random.Next(100) switch { < 8 => CaseSeverity.Critical, < 30 => CaseSeverity.Serious, _ => CaseSeverity.Normal };
            var receivedDay = s.ShippedOn.AddDays(2 + random.Next(9));
            if (receivedDay > today)
                receivedDay = today;
            var received = Local(receivedDay, 9 + random.Next(8), random.Next(4) * 15);
            if (received > now)
                received = now.AddMinutes(-30 - random.Next(120));
            var year = BusinessClock.DateOf(received).Year;
            sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var c = new ServiceCase
            {
                Id = Guid.CreateVersion7(received),
                Number = $"KF-{year}-{sequences[year]:000000}",
                Kind = story.Kind,
                AccountId = s.AccountId,
                Channel = (CaseChannel)random.Next(5),
                Category = story.Category,
                Severity = severity,
                Title = story.Title,
                Description = story.Description,
                OrderId = s.OrderId,
                ShipmentId = s.Id,
                HandlerId = s.OwnerId,
                ReceivedAt = received,
                Status = CaseStatus.New,
            };
            CaseClock.SetDeadlines(c, policy, calendar);
            var rule = policy.Rules.First(r => r.Kind == c.Kind && r.Severity == c.Severity);
            void Event(CaseEventKind kind, DateTimeOffset at, Guid? by, string? note = null) =>
                events.Add(Stamp(new CaseEvent { CaseId = c.Id, Kind = kind, At = at, ById = by, Note = note, ToUserId = kind == CaseEventKind.Opened ? c.HandlerId : null }, at, by));
            Event(CaseEventKind.Opened, received, s.OwnerId);

            // One case in seven is answered late; one in five resolved late.
            var responseMinutes = random.Next(7) == 0 ? rule.ResponseMinutes + 30 + random.Next(rule.ResponseMinutes) : 10 + random.Next(Math.Max(1, rule.ResponseMinutes * 2 / 3));
            var acknowledged = calendar.AddWorkingMinutes(received, responseMinutes);
            if (acknowledged > now)
            {
                Breached(c, now, Event);
                cases.Add(Stamp(c, received, s.OwnerId));
                continue;
            }
            (c.Status, c.AcknowledgedAt, c.ResponseMinutes, c.FirstResponse, c.ResponseWarned) = (CaseStatus.Acknowledged, acknowledged, responseMinutes, "已电话联系客户，确认情况并说明处理安排", acknowledged >= c.ResponseWarnAt);
            if (acknowledged > c.ResponseDueAt)
            {
                c.ResponseBreachedAt = c.ResponseDueAt;
                Event(CaseEventKind.ResponseBreached, c.ResponseDueAt, null);
            }
            Event(CaseEventKind.Acknowledged, acknowledged, s.OwnerId, c.FirstResponse);
            var resolutionMinutes = random.Next(5) == 0 ? rule.ResolutionMinutes + 60 + random.Next(rule.ResolutionMinutes / 2) : responseMinutes + 60 + random.Next(Math.Max(1, rule.ResolutionMinutes * 3 / 4));
            var resolved = calendar.AddWorkingMinutes(received, resolutionMinutes);
            if (resolved > now)
            {
                c.Status = CaseStatus.InProgress;
                Event(CaseEventKind.Progress, calendar.AddWorkingMinutes(acknowledged, 60), s.OwnerId, "已安排处理，等待结果");
                if (acknowledged.AddHours(1) < now && random.Next(6) == 0)
                {
                    (c.Status, c.PausedAt) = (CaseStatus.WaitingCustomer, calendar.AddWorkingMinutes(acknowledged, 90));
                    if (c.PausedAt > now)
                        (c.Status, c.PausedAt) = (CaseStatus.InProgress, null);
                    else
                        Event(CaseEventKind.Waiting, c.PausedAt.Value, s.OwnerId, "等待客户提供现场照片");
                }
                Breached(c, c.PausedAt ?? now, Event);
                cases.Add(Stamp(c, received, s.OwnerId, c.PausedAt ?? acknowledged));
                continue;
            }
            Resolve(c, story, resolved, resolutionMinutes, Event);
            var confirmed = calendar.AddWorkingMinutes(resolved, 240 + random.Next(480));
            if (confirmed <= now)
            {
                var satisfied = random.Next(9) != 0;
                (c.CustomerSatisfied, c.ConfirmedAt, c.CustomerFeedback) = (satisfied, confirmed, satisfied ? "客户表示满意" : "客户认为处理不够彻底");
                Event(CaseEventKind.Confirmed, confirmed, heads ?? s.OwnerId, c.CustomerFeedback);
                if (!satisfied)
                {
                    c.ReopenCount = 1;
                    Event(CaseEventKind.Reopened, confirmed, heads ?? s.OwnerId, c.CustomerFeedback);
                    var again = calendar.AddWorkingMinutes(confirmed, 480);
                    if (again > now)
                    {
                        c.Status = CaseStatus.InProgress; // the first resolution stays recorded; the case is open again
                        cases.Add(Stamp(c, received, s.OwnerId, confirmed));
                        continue;
                    }
                    Resolve(c, story, again, resolutionMinutes + 480, Event);
                    confirmed = calendar.AddWorkingMinutes(again, 240);
                    if (confirmed > now)
                    {
                        cases.Add(Stamp(c, received, s.OwnerId, again));
                        continue;
                    }
                    (c.CustomerSatisfied, c.ConfirmedAt, c.CustomerFeedback) = (true, confirmed, "补充处理后客户满意");
                    Event(CaseEventKind.Confirmed, confirmed, heads ?? s.OwnerId, c.CustomerFeedback);
                }
                var closed = calendar.AddWorkingMinutes(confirmed, 60);
                if (closed <= now)
                {
                    var closer = ServiceAccess.NeedsHeadToClose(c) ? heads ?? s.OwnerId : s.OwnerId;
                    (c.Status, c.ClosedAt, c.ClosedById) = (CaseStatus.Closed, closed, closer);
                    Event(CaseEventKind.Closed, closed, closer);
                }
            }
            cases.Add(Stamp(c, received, s.OwnerId, c.ClosedAt ?? c.ConfirmedAt ?? c.ResolvedAt));
        }

        var followUps = await FollowUpsAsync(context, cases, assistantId: context.Users.TryGetValue("assistant", out var assistant) ? assistant.Id : heads ?? Guid.Empty, random, now, today, ct);

        var existing = await db.Unscoped<NumberSequence>().AsNoTracking().Select(n => n.Key).ToListAsync(ct);
        var counters = sequences.Where(q => !existing.Contains($"case:{q.Key}"))
            .Select(q => Stamp(new NumberSequence { Key = $"case:{q.Key}", Last = q.Value }, now, heads)).ToList();
        if (scale > 0)
        {
            await using var writer = new BulkWriter(db);
            await writer.WriteAsync(cases, ct);
            await writer.WriteAsync(events, ct);
            await writer.WriteAsync(counters, ct);
            await writer.WriteAsync(followUps, ct);
            return;
        }
        db.Unscoped<FollowUp>().AddRange(followUps);
        db.Unscoped<ServiceCase>().AddRange(cases);
        db.Unscoped<CaseEvent>().AddRange(events);
        db.Unscoped<NumberSequence>().AddRange(counters);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Satisfaction follow-ups: one after each closed case and after delivered orders (about one and a fifth per account
    /// at scale), nearly all answered — on a call by the assistant or through the link — a few low; the latest still open
    /// for the assistant, due this week.
    /// </summary>
    private async Task<List<FollowUp>> FollowUpsAsync(SeedContext context, List<ServiceCase> cases, Guid assistantId, Random random, DateTimeOffset now, DateOnly today,
        CancellationToken ct)
    {
        var wanted = context.Options.Scale > 0 ? context.Options.Scale * 6 / 5 : 40;
        var delivered = await db.Unscoped<Order>().AsNoTracking()
            .Where(o => o.DeliveredOn != null && o.DeliveredOn <= today && o.DeliveredOn >= today.AddDays(-400))
            .OrderByDescending(o => o.DeliveredOn).Select(o => new { o.Id, o.AccountId, DeliveredOn = o.DeliveredOn!.Value }).Take(wanted * 2).ToListAsync(ct);
        var occasions = cases.Where(c => c.ClosedAt is not null).Select(c => (Kind: FollowUpOccasion.CaseClosed, Source: c.Id, c.AccountId, Day: BusinessClock.DateOf(c.ClosedAt!.Value)))
            .Concat(delivered.OrderBy(_ => random.Next()).Take(wanted).Select(o => (Kind: FollowUpOccasion.OrderDelivered, Source: o.Id, o.AccountId, Day: o.DeliveredOn)))
            .Take(wanted).ToList();
        var accountIds = occasions.Select(o => o.AccountId).Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        var owners = new Dictionary<Guid, Guid>();
        foreach (var chunk in accountIds.Chunk(5000))
        {
            foreach (var a in await db.Unscoped<Account>().AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.OwnerId }).ToListAsync(ct))
                (names[a.Id], owners[a.Id]) = (a.Name, a.OwnerId);
        }
        var questions = SurveyTemplates.DefaultQuestions();
        var questionsJson = System.Text.Json.JsonSerializer.Serialize(questions, Json);
        string[] comments = ["交货很及时", "希望安装团队提前预约", "产品质量稳定，继续合作", "报价响应可以再快一些", "售后处理及时"];
        var made = new List<FollowUp>();
        foreach (var o in occasions)
        {
            var due = o.Day.AddDays(o.Kind == FollowUpOccasion.CaseClosed ? 3 : 7);
            var f = new FollowUp
            {
                Id = Guid.CreateVersion7(Local(o.Day, 18, 0)),
                AccountId = o.AccountId,
                Occasion = o.Kind,
                SourceId = o.Source,
                Key = o.Kind == FollowUpOccasion.CaseClosed ? $"case:{o.Source}" : $"order:{o.Source}",
                Title = Text.Get($"followupoccasion.{o.Kind}") + " · " + names.GetValueOrDefault(o.AccountId, ""),
                Questions = questionsJson,
                AssigneeId = assistantId,
                DueOn = due,
                Status = FollowUpStatus.Open,
            };
            var answeredAt = Local(o.Day.AddDays(1 + random.Next(6)), 10 + random.Next(7), random.Next(4) * 15);
            if (answeredAt < now.AddHours(-2))
            {
                var low = random.Next(12) == 0;
                int Score() => low ? 1 + random.Next(2) : 3 + random.Next(3) - (random.Next(6) == 0 ? 1 : 0);
                var scores = new[] { Score(), Score(), Score() };
                var nps = low ? random.Next(5) : 7 + random.Next(4);
                var comment = random.Next(4) == 0 ? comments[random.Next(comments.Length)] : null;
                f.Status = FollowUpStatus.Answered;
                (f.AnsweredAt, f.AnsweredOn, f.AnsweredVia) = (answeredAt, BusinessClock.DateOf(answeredAt), random.Next(3) == 0 ? AnswerChannel.Link : AnswerChannel.Call);
                f.OwnerId = owners.GetValueOrDefault(o.AccountId);
                f.AnsweredById = f.AnsweredVia == AnswerChannel.Call ? assistantId : null;
                var answers = scores.Select(x => (SurveyAnswer?)new SurveyAnswer(x)).Append(new SurveyAnswer(nps)).Append(comment is null ? null : new SurveyAnswer(Text: comment)).ToList();
                f.Answers = System.Text.Json.JsonSerializer.Serialize(answers, Json);
                (f.Score, f.Nps, f.Comment) = (Math.Round(scores.Average(), 2), nps, comment);
                f.Low = scores.Any(x => x <= 2) || nps <= 6;
            }
            made.Add(Stamp(f, Local(o.Day, 18, 0), assistantId, f.AnsweredAt));
        }
        return made;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static void Resolve(ServiceCase c, (string Category, CaseKind Kind, string Title, string Description, string Resolution, string Cause, string Action) story,
        DateTimeOffset at, int minutes, Action<CaseEventKind, DateTimeOffset, Guid?, string?> add)
    {
        (c.Status, c.ResolvedAt, c.ResolutionMinutes, c.Resolution) = (CaseStatus.Resolved, at, minutes, story.Resolution);
        (c.RootCause, c.CorrectiveAction) = (story.Cause.Length > 0 ? story.Cause : null, story.Action.Length > 0 ? story.Action : null);
        c.ResolutionWarned = at >= c.ResolutionWarnAt;
        if (at > c.ResolutionDueAt && c.ResolutionBreachedAt is null)
        {
            c.ResolutionBreachedAt = c.ResolutionDueAt;
            add(CaseEventKind.ResolutionBreached, c.ResolutionDueAt, null, null);
        }
        add(CaseEventKind.Resolved, at, c.HandlerId, c.Resolution);
    }

    /// <summary>An open case as the reminders would have left it at <paramref name="at"/>: warned and breached where its
    /// deadlines have passed.</summary>
    private static void Breached(ServiceCase c, DateTimeOffset at, Action<CaseEventKind, DateTimeOffset, Guid?, string?> add)
    {
        if (c.Status == CaseStatus.New)
        {
            c.ResponseWarned = at >= c.ResponseWarnAt;
            if (at > c.ResponseDueAt)
            {
                c.ResponseBreachedAt = c.ResponseDueAt;
                add(CaseEventKind.ResponseBreached, c.ResponseDueAt, null, null);
            }
            return;
        }
        c.ResolutionWarned = at >= c.ResolutionWarnAt;
        if (at > c.ResolutionDueAt)
        {
            c.ResolutionBreachedAt = c.ResolutionDueAt;
            add(CaseEventKind.ResolutionBreached, c.ResolutionDueAt, null, null);
        }
    }

    private static T Stamp<T>(T entity, DateTimeOffset created, Guid? by, DateTimeOffset? updated = null)
        where T : class
    {
        if (entity is Entity e)
        {
            (e.CreatedAt, e.CreatedById, e.UpdatedAt, e.UpdatedById) = (created, by, updated ?? created, by);
        }
        return entity;
    }

    private static DateTimeOffset Local(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();
}
