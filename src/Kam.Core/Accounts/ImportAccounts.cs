using System.Globalization;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Accounts;

public enum ImportMode
{
    /// <summary>Import nothing if any row is bad.</summary>
    AllOrNothing,

    /// <summary>Import the good rows, report the bad ones.</summary>
    GoodRows,
}

/// <summary>One bad cell: the spreadsheet row number (the header is row 1), the column header, and why.</summary>
public sealed record ImportError(int Row, string Column, string Code, params object[] Args)
{
    /// <summary>The column's header in the user's language (<see cref="Column"/> is its text key).</summary>
    public string ColumnTitle => Column.Length == 0 ? "" : Common.Text.Find(Column) ?? Column;
}

public sealed record ImportResult(int Total, int Imported, int Failed, bool Applied, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports the old spreadsheet archive (.xlsx, up to 100,000 rows), streamed row by row rather than held in memory:
/// every row validated (required fields, credit code, place names, owner, duplicates in the file and in the
/// archive), then nothing or only the good rows imported, as the user chose.
/// </summary>
public sealed class ImportAccounts(IKamDb db, ICurrentUser me, Divisions divisions, Settings settings, IDatabaseMaintenance maintenance)
{
    public const int MaxRows = 100_000;
    private const int Batch = 1000;

    public async Task<Result<ImportResult>> Handle(string path, ImportMode mode, CancellationToken ct = default)
    {
        if (!DataScope.IsBackOffice(me))
            return Error.Forbidden("import.back_office_only");
        var columns = ReadHeader(path);
        if (columns is null || !columns.Any(h => AccountSheet.Columns.ColumnOf(h) == AccountSheet.Name))
            return Error.Validation("file", "import.bad_file");

        var owners = await OwnersAsync(ct);
        var policy = await settings.GetAsync(TierPolicy.SettingKey, TierPolicy.Default, ct);
        var errors = new List<ImportError>();
        var total = 0;
        var imported = 0;

        if (mode == ImportMode.AllOrNothing)
        {
            total = await ScanAsync(path, owners, errors, insert: null, ct);
            if (errors.Count > 0 || total > MaxRows)
                return Finish(total, 0, errors, applied: false);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = new List<Account>(Batch);
        async Task Flush()
        {
            db.Unscoped<Account>().AddRange(pending);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            imported += pending.Count;
            pending.Clear();
        }
        var insertErrors = new List<ImportError>();
        total = await ScanAsync(path, owners, insertErrors, async account =>
        {
            policy.Apply(account);
            pending.Add(account);
            if (pending.Count >= Batch)
                await Flush();
        }, ct);
        if (total > MaxRows)
            return Finish(total, 0, [new ImportError(MaxRows + 2, "", "import.too_many_rows", MaxRows)], applied: false);
        if (pending.Count > 0)
            await Flush();
        await tx.CommitAsync(ct);
        if (imported >= Batch)
            await maintenance.RefreshStatisticsAsync(ct);
        return Finish(total, imported, mode == ImportMode.AllOrNothing ? errors : insertErrors, applied: true);
    }

    private static ImportResult Finish(int total, int imported, List<ImportError> errors, bool applied) =>
        new(total, imported, errors.Select(e => e.Row).Distinct().Count(), applied, errors);

    private static HashSet<string>? ReadHeader(string path)
    {
        try
        {
            return MiniExcel.GetColumns(path, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(c => c.Trim()).ToHashSet();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Reads every row; valid rows that are unique in the file and in the archive go to <paramref name="insert"/>.</summary>
    private async Task<int> ScanAsync(string path, Dictionary<string, Guid?> owners, List<ImportError> errors, Func<Account, Task>? insert, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(int Row, Account Account)>(Batch);
        var rowNumber = 1;
        foreach (IDictionary<string, object?> raw in MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            if (rowNumber - 1 > MaxRows)
                return rowNumber - 1;
            var cells = AccountSheet.Columns.Row(raw);
            if (cells.Values.All(v => v is null || string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                rowNumber--; // blank lines at the end of old sheets are not rows
                continue;
            }
            var rowErrors = new List<ImportError>();
            var account = Parse(rowNumber, cells, owners, rowErrors);
            if (account is not null)
            {
                if (!names.Add(account.NormalizedName))
                    rowErrors.Add(new ImportError(rowNumber, AccountSheet.Name, "import.duplicate_in_file"));
                if (account.CreditCode is { } code && !codes.Add(code))
                    rowErrors.Add(new ImportError(rowNumber, AccountSheet.CreditCode, "import.duplicate_in_file"));
            }
            errors.AddRange(rowErrors);
            if (account is not null && rowErrors.Count == 0)
                batch.Add((rowNumber, account));
            if (batch.Count >= Batch)
                await CheckArchiveAsync(batch, errors, insert, ct);
        }
        await CheckArchiveAsync(batch, errors, insert, ct);
        return rowNumber - 1;
    }

    private async Task CheckArchiveAsync(List<(int Row, Account Account)> batch, List<ImportError> errors, Func<Account, Task>? insert, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        var names = batch.Select(b => b.Account.NormalizedName).ToList();
        var codes = batch.Where(b => b.Account.CreditCode != null).Select(b => b.Account.CreditCode!).ToList();
        var existing = await db.Unscoped<Account>().AsNoTracking().Where(a => a.ArchivedAt == null && (names.Contains(a.NormalizedName) || codes.Contains(a.CreditCode!)))
            .Select(a => new { a.NormalizedName, a.CreditCode }).ToListAsync(ct);
        var takenNames = existing.Select(e => e.NormalizedName).ToHashSet();
        var takenCodes = existing.Where(e => e.CreditCode != null).Select(e => e.CreditCode!).ToHashSet();
        foreach (var (row, account) in batch)
        {
            var clash = false;
            if (takenNames.Contains(account.NormalizedName))
            {
                errors.Add(new ImportError(row, AccountSheet.Name, "import.exists_in_archive"));
                clash = true;
            }
            if (account.CreditCode is { } code && takenCodes.Contains(code))
            {
                errors.Add(new ImportError(row, AccountSheet.CreditCode, "import.exists_in_archive"));
                clash = true;
            }
            if (!clash && insert is not null)
                await insert(account);
        }
        batch.Clear();
    }

    private Account? Parse(int row, Dictionary<string, object?> cells, Dictionary<string, Guid?> owners, List<ImportError> errors)
    {
        string? Text(string column) => cells.TryGetValue(column, out var v) && v is not null
            ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null
            : null;
        void Fail(string column, string code, params object[] args) => errors.Add(new ImportError(row, column, code, args));

        var name = Text(AccountSheet.Name);
        if (name is null)
            Fail(AccountSheet.Name, "account.name_required");
        else if (name.Length > 200)
            Fail(AccountSheet.Name, "field.too_long", 0, 200);

        var code = Text(AccountSheet.CreditCode) is { } c ? CreditCode.Normalize(c) : null;
        if (code is not null && !CreditCode.HasValidShape(code))
            Fail(AccountSheet.CreditCode, "account.credit_code_format");
        else if (code is not null && !CreditCode.IsValid(code))
            Fail(AccountSheet.CreditCode, "account.credit_code_invalid", CreditCode.CheckCharacter(code));

        var category = AccountSheet.ParseCategory(Text(AccountSheet.Category));
        if (category is null)
            Fail(AccountSheet.Category, Text(AccountSheet.Category) is null ? "account.category_required" : "import.category_unknown");

        var statusText = Text(AccountSheet.Status);
        var status = AccountSheet.ParseStatus(statusText);
        if (statusText is not null && status is null)
            Fail(AccountSheet.Status, "import.status_unknown");

        var (provinceText, cityText, districtText) = (Text(AccountSheet.Province), Text(AccountSheet.City), Text(AccountSheet.District));
        var (province, city, district) = divisions.Resolve(provinceText, cityText, districtText);
        if (provinceText is not null && province is null)
            Fail(AccountSheet.Province, "account.province_unknown");
        else if (cityText is not null && city is null)
            Fail(AccountSheet.City, "account.city_not_in_province");
        else if (districtText is not null && district is null)
            Fail(AccountSheet.District, "account.district_not_in_city");

        if (!AccountSheet.TryParseAmount(cells.GetValueOrDefault(AccountSheet.AnnualRevenue), out var revenue))
            Fail(AccountSheet.AnnualRevenue, "import.amount_invalid");
        if (!AccountSheet.TryParseAmount(cells.GetValueOrDefault(AccountSheet.AnnualPurchase), out var purchase))
            Fail(AccountSheet.AnnualPurchase, "import.amount_invalid");

        Guid? ownerId = null;
        if (Text(AccountSheet.Owner) is { } ownerText)
        {
            if (!owners.TryGetValue(ownerText, out ownerId))
                Fail(AccountSheet.Owner, "import.owner_unknown", ownerText);
            else if (ownerId is null)
                Fail(AccountSheet.Owner, "import.owner_ambiguous", ownerText);
        }
        else
        {
            Fail(AccountSheet.Owner, "import.owner_required");
        }

        foreach (var (column, max) in new[] { (AccountSheet.ShortName, 50), (AccountSheet.Industry, 50), (AccountSheet.Address, 200), (AccountSheet.Website, 200), (AccountSheet.Brands, 200), (AccountSheet.Source, 50), (AccountSheet.Tags, 200), (AccountSheet.Notes, 2000) })
        {
            if (Text(column) is { } value && value.Length > max)
                Fail(column, "field.too_long", 0, max);
        }
        if (errors.Count > 0 || name is null)
            return null;

        var account = new Account
        {
            Name = name,
            NormalizedName = AccountNames.Normalize(name),
            ShortName = Text(AccountSheet.ShortName),
            CreditCode = code,
            Category = category!.Value,
            Industry = Text(AccountSheet.Industry),
            ProvinceCode = province,
            CityCode = city,
            DistrictCode = district,
            Address = Text(AccountSheet.Address),
            Website = Text(AccountSheet.Website),
            AnnualRevenue = revenue,
            AnnualPurchase = purchase,
            Brands = Text(AccountSheet.Brands),
            Status = status ?? AccountStatus.Prospect,
            OwnerId = ownerId!.Value,
            Source = Text(AccountSheet.Source) ?? Common.Text.Get("account.source_import"),
            Tags = AccountRules.JoinTags(Text(AccountSheet.Tags)?.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            Notes = Text(AccountSheet.Notes),
        };
        account.SearchText = AccountSearch.Build(account, []);
        return account;
    }

    /// <summary>Active account managers and heads, by user name and by display name (null where a name is shared).</summary>
    private async Task<Dictionary<string, Guid?>> OwnersAsync(CancellationToken ct)
    {
        var people = await (from u in db.Unscoped<User>()
                            join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                            join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                            where u.IsActive && (r.Name == Roles.AccountManager || r.Name == Roles.Head)
                            select new { u.Id, u.UserName, u.DisplayName }).Distinct().ToListAsync(ct);
        var map = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in people)
            map[p.UserName!] = p.Id;
        foreach (var group in people.GroupBy(p => p.DisplayName).Where(g => !map.ContainsKey(g.Key)))
            map[group.Key] = group.Count() == 1 ? group.First().Id : null;
        return map;
    }

    /// <summary>The import template: the headers in the user's language and one example row.</summary>
    public static async Task WriteTemplateAsync(Stream output, CancellationToken ct) =>
        await output.SaveAsAsync(new[] { SheetColumns.Headed(AccountSheet.ExampleRow()) }, sheetName: Common.Text.Get("nav.archive"), cancellationToken: ct);
}
