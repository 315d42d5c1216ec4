using Kam.Web.Setup;

// An admin command ("migrate", "create-admin", "seed-demo") runs and exits; anything else starts the server.
var command = KamCommands.Find(args);
var configArgs = KamCommands.ConfigArgs(command is null ? args : args.Skip(1).ToArray());

// Settings files ship beside the binary, wherever it is started from; Kam:DataDir stays relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
builder.AddKam();
var app = builder.Build();

if (command is not null)
    return await KamCommands.RunAsync(app, command, args.Skip(1).ToArray());

await app.PrepareAsync();
app.UseKam();
await app.RunAsync();
return 0;

public partial class Program;
