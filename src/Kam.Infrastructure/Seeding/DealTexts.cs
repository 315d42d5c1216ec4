using Kam.Core.Orders;

namespace Kam.Infrastructure.Seeding;

/// <summary>The demo catalogue and the words of the generated deals (contracts, orders, payments, projects).</summary>
internal static class DealTexts
{
    private static readonly (string Brand, string Code, string[] Series, decimal Factor)[] Brands =
    [
        ("欧派", "OP", ["商务", "雅致", "简约"], 1.2m),
        ("奥维", "AW", ["智汇", "臻品"], 1.5m),
        ("绿海", "LH", ["生态", "自然", "童趣"], 1.0m),
    ];

    private static readonly (string Name, string Unit, decimal Price)[] Items =
    [
        ("办公桌", "张", 2800m), ("会议桌", "张", 6800m), ("文件柜", "组", 1900m), ("办公椅", "把", 1200m),
        ("三人沙发", "套", 8600m), ("茶几", "张", 1500m), ("书柜", "组", 3200m), ("衣柜", "组", 5600m),
        ("双人床", "张", 4800m), ("餐桌", "张", 3600m),
    ];

    /// <summary>About 60 products: each brand's series with eight of the ten items, a few no longer sold.</summary>
    public static List<Product> Catalogue()
    {
        var products = new List<Product>();
        var n = 0;
        foreach (var (brand, code, series, factor) in Brands)
        {
            for (var s = 0; s < series.Length; s++)
            {
                for (var i = 0; i < Items.Length; i++)
                {
                    if ((i + s) % 5 == 4)
                        continue; // each series leaves out two items
                    var (name, unit, price) = Items[i];
                    products.Add(new Product
                    {
                        Code = $"{code}-{s + 1}{i + 1:00}",
                        Name = $"{brand}{series[s]}{name}",
                        Brand = brand,
                        Series = series[s],
                        Unit = unit,
                        ListPrice = Math.Round(price * factor * (1 + (0.1m * s)), 0),
                        IsActive = ++n % 23 != 0,
                    });
                }
            }
        }
        return products;
    }

    public static readonly string[] Projects = ["新办公楼家具配套", "年度办公家具集采", "酒店客房家具更新", "样板间软装", "员工宿舍家具", "会议中心改造", "分公司装修配套", "学校教室与宿舍家具"];

    public static readonly string[] Competitors = ["索菲亚", "尚品宅配", "好莱客", "志邦家居", "金牌厨柜", "当地工厂"];

    public static readonly string[] NextSteps = ["提交报价单", "安排样品展示", "约见采购总监", "准备技术方案", "跟进招标文件", "邀请客户参观展厅", "确认预算与交期"];

    public static readonly string[] LostReasons = ["价格高于竞争对手", "客户预算取消", "竞品与客户关系更深", "交期不能满足客户要求", "项目无限期延后"];

    public static readonly string[] StandardTerms =
    [
        "合同签订后预付30%，货到验收合格后30日内支付60%，余款10%于质保期满后支付",
        "按订单结算，货到验收合格后30日内付清",
    ];

    public static readonly string[] NonStandardTerms = ["货到后120日内付清全款（非标准账期）", "分12期按月支付（非标准）", "以承兑汇票支付，期限6个月（非标准）"];

    public static readonly string[] Terminations = ["客户经营调整，双方协商一致提前终止", "客户被收购，合同主体变更", "项目取消，双方协商解除"];

    public static readonly string[] ApproveComments = ["同意", "同意，注意回款节点", "同意，请按标准流程签署", "已核价格，同意"];

    public static readonly string[] RejectComments = ["折扣过大，请重新核算价格", "付款条件需与财务确认后再提交", "合同金额与报价不一致，请核对"];

    public static readonly string[] OrderCancellations = ["客户取消采购计划", "重复下单", "价格调整后重新下单", "客户项目延期"];

    public static readonly string[] Carriers = ["顺丰速运", "德邦物流", "安能物流", "中通快运", "自有车队"];

    public static readonly (MakeUpReason Reason, string Text)[] MakeUps =
    [
        (MakeUpReason.Damaged, "运输途中破损"),
        (MakeUpReason.Missing, "到货少件"),
        (MakeUpReason.Wrong, "型号发错，需补发正确型号"),
        (MakeUpReason.Damaged, "安装时发现板材开裂"),
    ];

    public static readonly string[] PaymentNotes = ["按合同约定付款", "客户财务已确认", "含上期尾款", "银行回单已上传"];
}
