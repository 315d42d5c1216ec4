namespace Kam.Infrastructure.Seeding;

/// <summary>Small Chinese word lists the field work generator combines into believable visits, reports and minutes.</summary>
internal static class FieldWorkTexts
{
    public static readonly string[] Purposes =
    [
        "年度合作回顾与新一年采购计划沟通", "新品系列推介", "了解新项目进展及产品需求", "跟进报价反馈", "商务关系维护",
        "对接工程部，确认交付与安装节点", "处理售后问题回访", "洽谈年度框架协议续签", "邀请参加新品发布会", "了解竞品动态与客户满意度",
        "样板间方案沟通", "收集设计院选型需求", "回款进度沟通", "拜访新任采购负责人",
    ];

    public static readonly string[] ExpectedOutcomes =
    [
        "确认下季度采购量", "拿到项目招标时间表", "约定样品送达时间", "推动框架协议进入审批", "获得新任负责人认可",
        "明确售后问题的处理方案", "争取进入供应商短名单", "确定样板间选型",
    ];

    private static readonly string[] Openings =
    [
        "与客户就{0}进行了深入交流。", "本次拜访围绕{0}展开。", "客户对{0}反馈积极。", "双方就{0}初步达成共识。", "客户提出对{0}需进一步评估。",
    ];

    private static readonly string[] Topics =
    [
        "新品系列", "年度采购计划", "交付周期", "价格政策", "售后服务", "项目进度", "样板间方案", "合同条款", "回款安排", "环保标准",
    ];

    private static readonly string[] Details =
    [
        "客户计划下月启动新门店装修，预计需求量较去年增长约两成。", "对方采购部正在梳理供应商名录，年底前确定名单。",
        "项目已拿到施工许可，精装部分预计三季度招标。", "客户对上批货的交付时效表示满意，希望保持。", "客户关注环保等级和检测报告，需补充资料。",
        "新任采购经理倾向集中采购，品类会做整合。", "竞品近期报价下调，客户希望我们给出更灵活的价格方案。", "设计院正在做方案深化，选型将在下次评审会确定。",
        "财务流程调整，回款预计推迟两周。", "客户希望增加定制化选项，并缩短打样周期。",
    ];

    public static readonly string[] Outcomes =
    [
        "客户同意安排样品试用", "确认下季度采购意向", "拿到项目联系人名单", "报价进入客户内部审批", "约定下次技术交流时间",
        "客户暂缓决策，需继续跟进", "解决了售后投诉，客户满意", "获得参与投标资格", "签署年度框架协议意向书",
    ];

    public static readonly string[] NextSteps =
    [
        "发送正式报价单", "安排样品送达并跟进试用反馈", "邀请客户参观展厅", "提交技术方案", "约设计总监做选型交流",
        "跟进合同审批进度", "安排售后工程师上门", "准备投标资料", "回访新任采购负责人", "催收上期货款",
    ];

    public static readonly string[] CustomerRequests =
    [
        "希望缩短交货期至 15 天以内", "要求提供最新环保检测报告", "希望增加定制尺寸选项", "要求年度返点政策书面确认",
        "希望提供样板间软装搭配方案", "要求安排安装培训",
    ];

    public static readonly string[] Competitors = ["宜佳家居", "美克斯", "华艺定制", "尚品工坊", "木之源", "东成家具"];

    public static readonly string[] Locations =
    [
        "客户总部会议室", "客户展厅", "项目工地现场", "售楼处", "客户门店", "设计院办公室", "客户工厂", "我司展厅",
    ];

    public static readonly string[] CancelReasons =
    [
        "客户临时出差，改期", "客户内部会议冲突", "天气原因取消", "对方负责人休假", "改为电话沟通",
    ];

    public static readonly string[] OtherWork =
    [
        "整理客户档案，补充联系人信息", "准备下周投标资料", "参加部门周会", "跟进回款对账", "与设计部沟通定制方案",
        "处理客户售后问题", "电话回访老客户", "更新报价单模板", "整理本月销售数据", "接待来访客户参观展厅",
    ];

    public static readonly string[] Problems =
    [
        "客户对价格较敏感，需要政策支持", "交货周期偏长，影响项目进度", "竞品在本区域促销力度大", "部分客户回款慢",
        "样品库存不足", "客户决策链长，推进缓慢",
    ];

    public static readonly string[] TomorrowPlans =
    [
        "拜访重点客户，跟进报价", "准备投标文件", "回访上周拜访的客户", "与售后确认安装排期", "整理项目进度表",
        "参加客户招标答疑会", "电话跟进意向客户",
    ];

    public static readonly string[] ReviewComments =
    [
        "收到，重点客户要加快推进。", "回款问题请本周内落实。", "报价需先报我审批。", "很好，继续保持。", "注意跟进竞品动态，及时反馈。",
        "下周例会上专题讨论。", "请把客户需求同步给产品部。", "拜访记录再写具体些。",
    ];

    public static readonly string[] MeetingTitles =
    [
        "月度经营分析会", "重点客户推进会", "季度复盘会", "大客户策略研讨会", "回款专题会", "新品推广部署会",
    ];

    public static readonly string[] Agendas =
    [
        "1. 上月业绩回顾\n2. 重点客户进展\n3. 下月工作部署", "1. 重点项目逐一过会\n2. 资源协调\n3. 风险客户分析",
        "1. 回款情况通报\n2. 逾期款项责任落实\n3. 信用政策调整", "1. 新品卖点讲解\n2. 推广客户名单\n3. 样品分配",
    ];

    public static readonly string[] Minutes =
    [
        "会议通报了上月各区域业绩，华南、华东完成率较高，西南略低。会议逐一讨论了重点客户推进情况，明确了责任人和时间节点。",
        "会议分析了本季度大客户拜访覆盖情况，部分 A 类客户拜访不足，要求各客户经理补齐。同时讨论了竞品降价的应对措施。",
        "会议听取了回款情况汇报，对逾期款项逐一落实催收责任人，财务部将配合提供对账单。",
        "会议部署了新品推广工作，确定首批推广客户名单，样品由市场部统一调配。",
    ];

    public static readonly string[] Decisions =
    [
        "A 类客户本月内完成全覆盖拜访", "逾期回款客户两周内出具还款计划", "新品样品优先配给重点客户", "竞品降价区域申请专项价格政策",
        "重点项目每周汇报一次进展", "整理投标资料库，统一模板",
    ];

    public static readonly string[] ActionItems =
    [
        "完成 A 类客户拜访补齐", "落实逾期回款还款计划", "安排新品样品送达", "提交专项价格政策申请", "更新重点项目进展表",
        "整理投标资料并归档", "组织客户参观展厅", "收集客户对新品的反馈",
    ];

    public static readonly string[] Tasks =
    [
        "整理本区域 A 类客户年度采购计划", "提交下季度拜访计划", "跟进重点项目投标结果", "补全客户联系人决策角色", "收集竞品最新价格",
        "准备月度经营分析材料", "回访流失客户，了解原因", "梳理本区域设计院名单", "完成客户满意度回访", "核对上半年回款明细",
    ];

    public static readonly string[] Notes =
    [
        "已联系客户，正在推进。", "资料已提交，等待反馈。", "进度过半，预计按期完成。", "遇到客户负责人变动，需重新对接。", "已完成，附件已上传。",
        "请本周五前反馈进展。", "客户要求延后一周。",
    ];

    public static readonly string[] Rooms = ["公司 3 楼大会议室", "公司 5 楼小会议室", "线上会议", "客户中心培训室"];

    public static string Pick(this Random r, string[] words) => words[r.Next(words.Length)];

    public static string Summary(Random r) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Pick(Openings), r.Pick(Topics)) + r.Pick(Details);
}
