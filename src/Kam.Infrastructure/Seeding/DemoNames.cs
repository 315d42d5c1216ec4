using Kam.Core.Accounts;

namespace Kam.Infrastructure.Seeding;

/// <summary>Believable Chinese company and person names for the demo department, from a seeded random source.</summary>
internal static class DemoNames
{
    private static readonly string[] Words = ["华远", "金盛", "恒基", "宏业", "鸿达", "瑞丰", "嘉禾", "远景", "中天", "信诚", "永泰", "佳美", "森源", "锦程", "盛世", "新纪元", "万象", "百川", "天成", "东方", "安居", "立邦", "尚品", "优家", "雅居", "博雅", "汇通", "联创", "星河", "明德"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "军", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "国栋", "丽华", "文博", "子涵", "雨轩", "俊杰"];
    private static readonly string[] Industries = ["家具零售", "房地产开发", "建筑设计", "政府机构", "酒店", "教育", "医疗", "制造业", "物业管理", "金融"];

    public static readonly string[] Brands = ["欧派", "奥维", "绿海"];

    public static readonly string[] Titles = ["总经理", "副总经理", "采购总监", "采购经理", "工程部经理", "设计总监", "财务经理", "办公室主任", "项目经理"];

    public static string Person(Random r) => Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)];

    public static string Word(Random r) => Words[r.Next(Words.Length)];

    public static string Industry(AccountCategory category, Random r) => category switch
    {
        AccountCategory.Dealer => "家具零售",
        AccountCategory.RealEstate => "房地产开发",
        AccountCategory.DesignFirm => "建筑设计",
        AccountCategory.Government => "政府机构",
        _ => Industries[r.Next(4, Industries.Length)],
    };

    public static string Company(AccountCategory category, string city, Random r)
    {
        var place = city.TrimEnd('市');
        var word = Word(r);
        return category switch
        {
            AccountCategory.Dealer => $"{place}{word}家居有限公司",
            AccountCategory.RealEstate => $"{place}{word}置业有限公司",
            AccountCategory.DesignFirm => $"{place}{word}建筑装饰设计院有限公司",
            AccountCategory.Government => r.Next(2) == 0 ? $"{place}市住房和城乡建设局" : $"{place}家具行业协会",
            AccountCategory.Enterprise => $"{word}{Industries[r.Next(4, Industries.Length)]}集团有限公司",
            _ => $"{place}{word}酒店管理有限公司",
        };
    }

    public static AccountCategory Category(Random r) => r.Next(100) switch
    {
        < 35 => AccountCategory.Dealer,
        < 55 => AccountCategory.RealEstate,
        < 70 => AccountCategory.DesignFirm,
        < 80 => AccountCategory.Government,
        < 95 => AccountCategory.Enterprise,
        _ => AccountCategory.Other,
    };

    /// <summary>A valid unified social credit code for a division, unique by <paramref name="serial"/>.</summary>
    public static string CreditCode(string division, int serial, Random r)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var org = new char[9];
        var n = serial;
        for (var i = 8; i >= 4; i--)
        {
            org[i] = alphabet[n % 31];
            n /= 31;
        }
        for (var i = 0; i < 4; i++)
            org[i] = alphabet[r.Next(10, alphabet.Length)];
        var first17 = "91" + division.PadRight(6, '0')[..6] + new string(org);
        return first17 + Kam.Core.Accounts.CreditCode.CheckCharacter(first17);
    }

    public static string Mobile(Random r) => "1" + "3456789"[r.Next(7)] + r.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
