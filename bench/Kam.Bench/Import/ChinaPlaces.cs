namespace Kam.Bench.Import;

/// <summary>A city with its province, its administrative division code (GB/T 2260) and some of its districts.</summary>
public sealed record Place(string Province, string City, string Division, string[] Districts);

/// <summary>
/// Real provinces, cities and districts, so that an import validating places against a reference list accepts
/// them. A subset is enough: the benchmark measures throughput, not coverage of the country.
/// </summary>
public static class ChinaPlaces
{
    public static readonly Place[] All =
    [
        new("广东省", "广州市", "440100", ["天河区", "越秀区", "海珠区", "番禺区", "白云区", "黄埔区"]),
        new("广东省", "深圳市", "440300", ["南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "龙华区"]),
        new("广东省", "佛山市", "440600", ["禅城区", "南海区", "顺德区"]),
        new("北京市", "北京市", "110100", ["朝阳区", "海淀区", "东城区", "西城区", "丰台区"]),
        new("上海市", "上海市", "310100", ["浦东新区", "黄浦区", "徐汇区", "静安区", "闵行区"]),
        new("天津市", "天津市", "120100", ["和平区", "河西区", "南开区", "滨海新区"]),
        new("重庆市", "重庆市", "500100", ["渝中区", "江北区", "南岸区", "渝北区"]),
        new("浙江省", "杭州市", "330100", ["西湖区", "上城区", "拱墅区", "滨江区", "余杭区"]),
        new("浙江省", "宁波市", "330200", ["海曙区", "鄞州区", "北仑区"]),
        new("江苏省", "南京市", "320100", ["玄武区", "秦淮区", "鼓楼区", "建邺区"]),
        new("江苏省", "苏州市", "320500", ["姑苏区", "吴中区", "相城区", "虎丘区"]),
        new("四川省", "成都市", "510100", ["锦江区", "青羊区", "武侯区", "成华区"]),
        new("湖北省", "武汉市", "420100", ["江岸区", "武昌区", "洪山区", "汉阳区"]),
        new("湖南省", "长沙市", "430100", ["岳麓区", "芙蓉区", "天心区", "开福区"]),
        new("山东省", "济南市", "370100", ["历下区", "市中区", "槐荫区"]),
        new("山东省", "青岛市", "370200", ["市南区", "市北区", "崂山区", "黄岛区"]),
        new("福建省", "福州市", "350100", ["鼓楼区", "台江区", "仓山区"]),
        new("福建省", "厦门市", "350200", ["思明区", "湖里区", "集美区"]),
        new("河南省", "郑州市", "410100", ["金水区", "二七区", "中原区"]),
        new("陕西省", "西安市", "610100", ["雁塔区", "碑林区", "莲湖区", "未央区"]),
    ];
}
