using System.Globalization;
using Kam.Core.Common;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Headers of Kam's sheets as a person sees them.</summary>
public static class Sheet
{
    /// <summary>A column's Chinese header.</summary>
    public static string Zh(string column) => Text.Find(column, CultureInfo.GetCultureInfo("zh-CN"))!;

    /// <summary>A column's English header.</summary>
    public static string En(string column) => Text.Find(column, CultureInfo.GetCultureInfo("en"))!;
}
