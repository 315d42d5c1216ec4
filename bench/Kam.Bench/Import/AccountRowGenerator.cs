namespace Kam.Bench.Import;

/// <summary>
/// Deterministic rows for the account import: the same seed always gives the same file, so two runs upload the
/// same data. Rows are yielded one at a time, never held as a list, so 100,000 rows cost no more memory than ten.
/// </summary>
public sealed class AccountRowGenerator(int seed, int start = 1)
{
    // Category decides the trade word in the name and the industry, so a 设计院 is not called 家居有限公司.
    private static readonly (string Category, string[] Words, string[] Industries)[] Kinds =
    [
        ("经销商", ["建材贸易", "家居", "五金机电", "装饰材料"], ["建材", "家居", "五金"]),
        ("房地产", ["置业", "房地产开发", "地产"], ["房地产"]),
        ("设计院", ["建筑设计", "工程设计", "规划设计"], ["建筑设计"]),
        ("政府机构", ["城市建设投资", "城市更新", "公共资源"], ["公共管理"]),
        ("企业", ["实业", "科技", "酒店管理", "医疗器械"], ["制造业", "酒店", "医疗", "信息技术"]),
        ("其他", ["商贸", "物业管理", "文化传媒"], ["其他", "物业服务"]),
    ];

    private static readonly string[] Trades =
    [
        "华远", "金茂", "宏达", "鼎盛", "恒信", "联创", "中科", "瑞丰", "永安", "新天", "博雅", "泰和", "汇通", "天成", "明德",
        "嘉禾", "盛世", "华润", "东方", "长城", "中盛", "远洋", "富力", "海信", "国泰", "兴业", "安居", "宏图", "正大", "合众",
    ];

    private static readonly string[] Roads = ["中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "新华路", "文化路", "科技园路", "环城北路"];
    private static readonly string[] Brands = ["立邦", "多乐士", "三棵树", "东方雨虹", "北新建材", "科顺", "欧派", "索菲亚", "箭牌", "TOTO"];
    private static readonly string[] Statuses = ["潜在", "合作中", "合作中", "合作中", "休眠", "流失"];
    private static readonly string[] Sources = ["展会", "转介绍", "官网咨询", "电话开发", "招投标", "老客户"];
    private static readonly string[] TagWords = ["重点客户", "战略合作", "年度框架", "新开发", "价格敏感", "回款良好"];
    private static readonly string[] Notes = ["年度框架协议洽谈中", "需定期拜访", "付款周期较长", "关注新项目招标", "决策链较长"];

    public IEnumerable<AccountRow> Rows(int count)
    {
        var random = new Random(seed);
        var salt = random.NextInt64();
        for (var serial = start; serial < start + count; serial++)
        {
            var place = ChinaPlaces.All[random.Next(ChinaPlaces.All.Length)];
            var (category, words, industries) = Kinds[random.Next(Kinds.Length)];
            var trade = Trades[random.Next(Trades.Length)];
            var word = words[random.Next(words.Length)];
            var revenueCents = (long)(Math.Exp(random.NextDouble() * Math.Log(5000)) * 1_000_000 * 100); // 1 million to 5 billion, log-uniform
            var purchaseCents = (long)(revenueCents * (0.01 + random.NextDouble() * 0.09));
            yield return new AccountRow
            {
                // The serial keeps names unique in the file; the city prefix mimics real registered names.
                Name = $"{place.City.TrimEnd('市')}{trade}{word}有限公司{serial:D5}",
                ShortName = trade + word[..2],
                CreditCode = CreditCode.Create(place.Division, serial, salt),
                Category = category,
                Industry = industries[random.Next(industries.Length)],
                Province = place.Province,
                City = place.City,
                District = place.Districts[random.Next(place.Districts.Length)],
                Address = $"{Roads[random.Next(Roads.Length)]}{random.Next(1, 999)}号{random.Next(1, 30)}{random.Next(1, 20):D2}室",
                Website = random.Next(10) < 7 ? $"https://www.kam{serial:D5}.com.cn" : null,
                AnnualRevenue = Money(revenueCents),
                AnnualPurchase = Money(purchaseCents),
                Brands = string.Join("、", Pick(random, Brands, random.Next(1, 4))),
                Status = Statuses[random.Next(Statuses.Length)],
                Owner = $"am{random.Next(1, 5)}",
                Source = Sources[random.Next(Sources.Length)],
                Tags = string.Join(",", Pick(random, TagWords, random.Next(0, 3))) is { Length: > 0 } tags ? tags : null,
                Remarks = random.Next(5) == 0 ? Notes[random.Next(Notes.Length)] : null,
            };
        }
    }

    /// <summary>Cents as a decimal with scale 2, so the cell text always has two decimals (1234.50, not 1234.5).</summary>
    private static decimal Money(long cents) => new((int)(cents & 0xFFFFFFFF), (int)(cents >> 32), 0, false, 2);

    private static IEnumerable<string> Pick(Random random, string[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(count).ToList();
}
