using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>
/// The product catalogue (产品目录): every business role reads it; the head and the assistant add, edit and deactivate
/// products (never delete: orders keep referring to them).
/// </summary>
public sealed class ManageProducts(IKamDb db, ICurrentUser me, IValidator<ProductInput> validator)
{
    public static bool MayEdit(ICurrentUser user) => DataScope.IsBackOffice(user);

    public async Task<PagedResult<ProductRow>> List(ProductQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var products = Filter(q);
        var total = await products.CountAsync(ct);
        var items = await Sort(products, paging).PageOf(paging).Select(Row).ToListAsync(ct);
        return new PagedResult<ProductRow>(items, total);
    }

    public IQueryable<Product> Query(ProductQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort));

    private IQueryable<Product> Filter(ProductQuery q)
    {
        var products = db.Unscoped<Product>().AsNoTracking();
        if (q.All != true)
            products = products.Where(p => p.IsActive == (q.Active ?? true));
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim()) + "%";
            products = products.Where(p => EF.Functions.Like(p.Code, pattern, Like.EscapeCharacter) || EF.Functions.Like(p.Name, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(p.Series!, pattern, Like.EscapeCharacter));
        }
        if (!string.IsNullOrWhiteSpace(q.Brand))
            products = products.Where(p => p.Brand == q.Brand.Trim());
        return products;
    }

    private static readonly Sorting<Product> Sorts = new Sorting<Product>(q => q.OrderBy(p => p.Code))
        .By("name", p => p.Name, q => q.ThenBy(p => p.Code))
        .By("brand", p => p.Brand, q => q.ThenBy(p => p.Code))
        .By("listPrice", p => p.ListPrice, q => q.ThenBy(p => p.Code))
        .By("code", p => p.Code);

    private static IQueryable<Product> Sort(IQueryable<Product> products, PageRequest paging) => Sorts.Apply(products, paging);

    private static readonly System.Linq.Expressions.Expression<Func<Product, ProductRow>> Row =
        p => new ProductRow(p.Id, p.Code, p.Name, p.Brand, p.Series, p.Unit, p.ListPrice, p.IsActive, p.Version);

    public async Task<Result<ProductRow>> Get(Guid id, CancellationToken ct = default) =>
        await db.Unscoped<Product>().AsNoTracking().Where(p => p.Id == id).Select(Row).FirstOrDefaultAsync(ct) is { } row ? row : Error.NotFound("product.not_found");

    public async Task<Result<Guid>> Create(ProductInput input, CancellationToken ct = default)
    {
        if (!MayEdit(me))
            return Error.Forbidden("product.back_office_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var code = input.Code.Trim();
        if (await db.Unscoped<Product>().AnyAsync(p => p.Code == code, ct))
            return Error.Validation("code", "product.code_taken");
        var product = new Product();
        Apply(product, input);
        db.Unscoped<Product>().Add(product);
        await db.SaveChangesAsync(ct);
        return product.Id;
    }

    public async Task<Result> Update(Guid id, ProductInput input, CancellationToken ct = default)
    {
        if (!MayEdit(me))
            return Error.Forbidden("product.back_office_only");
        var product = await db.Unscoped<Product>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
            return Error.NotFound("product.not_found");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        if (input.Version != product.Version)
            return Error.Conflict();
        var code = input.Code.Trim();
        if (code != product.Code && await db.Unscoped<Product>().AnyAsync(p => p.Code == code && p.Id != id, ct))
            return Error.Validation("code", "product.code_taken");
        db.Entry(product).Property(p => p.Version).OriginalValue = input.Version.Value;
        Apply(product, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static void Apply(Product product, ProductInput input)
    {
        product.Code = input.Code.Trim();
        product.Name = input.Name.Trim();
        product.Brand = string.IsNullOrWhiteSpace(input.Brand) ? null : input.Brand.Trim();
        product.Series = string.IsNullOrWhiteSpace(input.Series) ? null : input.Series.Trim();
        product.Unit = input.Unit.Trim();
        product.ListPrice = Math.Round(input.ListPrice ?? 0, 2, MidpointRounding.AwayFromZero);
        product.IsActive = input.IsActive ?? true;
    }
}
