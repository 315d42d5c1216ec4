using Kam.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Kam.Core.Tests;

public sealed class CommonTests
{
    [Fact]
    public void The_business_day_is_the_day_in_Shanghai_not_on_the_server()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today());
        Assert.Equal("2027-01-01 01:00", BusinessClock.Format(clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(0, 0, 1, 20, 0)]
    [InlineData(3, 50, 3, 50, 100)]
    [InlineData(2, 1000, 2, 200, 200)]
    public void Paging_is_bounded(int page, int size, int expectedPage, int expectedSize, int expectedSkip)
    {
        var request = new PageRequest(page, size);
        Assert.Equal(expectedPage, request.SafePage);
        Assert.Equal(expectedSize, request.SafePageSize);
        Assert.Equal(expectedSkip, request.Skip);
    }

    [Theory]
    [InlineData("-displayName", true, "displayName")]
    [InlineData("userName", false, "userName")]
    public void Sort_names_a_field_and_a_direction(string sort, bool descending, string field)
    {
        var request = new PageRequest(Sort: sort);
        Assert.Equal(descending, request.Descending);
        Assert.Equal(field, request.SortField);
    }

    [Theory]
    [InlineData("UserName", "userName")]
    [InlineData("Contacts[0].Mobile", "contacts[0].mobile")]
    public void Field_paths_are_camel_case(string path, string expected) =>
        Assert.Equal(expected, ValidationExtensions.CamelCasePath(path));

    [Fact]
    public void A_result_holds_either_a_value_or_an_error()
    {
        Result<int> ok = 42;
        Result<int> failed = Error.NotFound("user.not_found");
        Assert.True(ok.IsSuccess);
        Assert.Equal(42, ok.Value);
        Assert.False(failed.IsSuccess);
        Assert.Equal(ErrorKind.NotFound, failed.Error!.Kind);
        Assert.Throws<InvalidOperationException>(() => failed.Value);
    }
}
