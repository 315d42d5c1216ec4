namespace Kam.Web.Jobs;

/// <summary>Per circuit: tells the bell that notifications were marked read elsewhere (the notifications page).</summary>
public sealed class NotificationSignal
{
    public event Func<Task>? Changed;

    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
