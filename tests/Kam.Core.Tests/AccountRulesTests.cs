using Kam.Core.Accounts;

namespace Kam.Core.Tests;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    public void Known_valid_credit_codes_pass(string code) => Assert.True(CreditCode.IsValid(code));

    [Fact]
    public void A_wrong_check_character_fails_and_the_right_one_is_named()
    {
        Assert.False(CreditCode.IsValid("91350200M000000510"));
        Assert.Equal('D', CreditCode.CheckCharacter("91350200M000000510"));
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y431")]
    [InlineData("91350100I000100Y43")]
    [InlineData("91350100m000100y43")]
    public void Wrong_length_or_characters_fail(string code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void A_code_from_a_division_that_no_longer_exists_still_passes()
    {
        // 370121 (历城县, Jinan) was merged away decades ago; the code itself stays valid.
        var first17 = "91370121" + "MA3C1234X";
        Assert.True(CreditCode.IsValid(first17 + CreditCode.CheckCharacter(first17)));
    }

    [Theory]
    [InlineData("广州华远家居有限公司", "广州 华远家居（有限责任公司）")]
    [InlineData("深圳市远大集团", "深圳市远大")]
    [InlineData("ＡＢＣ家具有限公司", "abc家具")]
    public void Near_identical_names_normalise_alike(string a, string b) =>
        Assert.Equal(AccountNames.Normalize(a), AccountNames.Normalize(b));

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+86 139-1234-5678", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("020-12345678", false)]
    public void Mainland_mobiles_are_recognised(string mobile, bool valid) => Assert.Equal(valid, ChineseMobile.IsValid(mobile));

    [Fact]
    public void Mobiles_mask_the_middle_four_digits() => Assert.Equal("138****8000", ChineseMobile.Mask("13800138000"));

    [Fact]
    public void Default_tier_rules_grade_by_purchase_and_category()
    {
        var policy = TierPolicy.Default;
        Assert.Equal(AccountTier.A, policy.Evaluate(new Account { AnnualPurchase = 5_000_000m }).Tier);
        Assert.Equal(AccountTier.B, policy.Evaluate(new Account { AnnualPurchase = 1_200_000m }).Tier);
        Assert.Equal(AccountTier.B, policy.Evaluate(new Account { Category = AccountCategory.Government }).Tier);
        Assert.Equal((AccountTier.C, "default"), policy.Evaluate(new Account { AnnualPurchase = 10m }));
    }

    [Fact]
    public void Divisions_resolve_the_names_people_type()
    {
        var divisions = new Divisions();
        Assert.Equal(("44", "4401", "440106"), divisions.Resolve("广东省", "广州市", "天河区"));
        Assert.Equal(("44", "4401", null), divisions.Resolve("广东", "广州", null));
        Assert.Equal("北京市 东城区", divisions.PathOf("11", "1101", "110101"));
        Assert.Equal((null, null, null), divisions.Resolve("火星", null, null));
        // A municipality written as its own city, with a district under either placeholder.
        Assert.Equal("500101", divisions.Resolve("重庆市", "重庆市", "万州区").District);
        Assert.Equal("110105", divisions.Resolve("北京", "北京市", "朝阳区").District);
    }
}
