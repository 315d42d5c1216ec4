namespace Kam.Web.Api;

public static class PaymentEndpoints
{
    public static void MapPayments(this RouteGroupBuilder api)
    {
    }
}
