using System.Globalization;
using Kam.Core.Common;

namespace Kam.Core.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1234567.89", "¥1,234,567.89")]
    [InlineData("-121730", "-¥121,730.00")]
    [InlineData("0", "¥0.00")]
    [InlineData("0.005", "¥0.01")]
    public void Money_is_written_one_way_with_the_yuan_sign_and_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Fact]
    public void No_amount_is_written_as_nothing() => Assert.Equal("", Money.Format(null));

    [Theory]
    [InlineData("10936349", "¥1,093.6万", "¥10.94M")]
    [InlineData("362330000", "¥3.62亿", "¥362.33M")]
    [InlineData("-121730", "-¥12.2万", "-¥121.7K")]
    [InlineData("9999", "¥9,999", "¥9,999")]
    public void Tiles_show_the_short_form_in_the_units_of_each_language(string amount, string chinese, string english)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal(chinese, Money.Short(value));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(english, Money.Short(value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("120万", "1200000")]
    [InlineData("1.2亿", "120000000")]
    [InlineData("¥8,000.50", "8000.50")]
    [InlineData("￥ 1,200,000", "1200000")]
    [InlineData("3.5万元", "35000")]
    [InlineData("0.125", "0.13")]
    public void Amounts_are_read_as_people_type_them(string text, string expected)
    {
        Assert.True(Money.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12万万")]
    [InlineData("1e5")]
    public void Anything_else_is_not_an_amount(string text) => Assert.False(Money.TryParse(text, out _));
}
