using Kam.Web.Setup;

// An admin command ("migrate", "create-admin", "seed-demo") runs and exits; anything else starts the server.
var command = KamCommands.Find(args);
var configArgs = command is null ? args : args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();

var builder = WebApplication.CreateBuilder(configArgs);
builder.AddKam();
var app = builder.Build();

if (command is not null)
    return await KamCommands.RunAsync(app, command, args.Skip(1).ToArray());

await app.PrepareAsync();
app.UseKam();
await app.RunAsync();
return 0;

public partial class Program;
