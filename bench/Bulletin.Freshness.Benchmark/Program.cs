// How soon readers can find a story after the newsroom publishes it, measured over HTTP the way a reader and a
// newsroom client see it: a story is created and moved to published through the staff API, then the public
// search API is asked until it finds the story. The time runs from the publish answer to the first hit.
// Usage: dotnet run -c Release --project bench/Bulletin.Freshness.Benchmark -- [--stories N]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Bulletin.Hosting;
using Bulletin.Newsroom;
using Bulletin.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

var stories = args.Length == 2 && args[0] == "--stories" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var folder = Path.Combine(Path.GetTempPath(), "bulletin-freshness-benchmark", Guid.NewGuid().ToString("N"));
Console.WriteLine($"stories: {stories:N0}, SQLite, processors: {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
try
{
    var app = BulletinWebApp.Build(
        ["--urls", "http://127.0.0.1:0", "--Site:DemoContent=false", "--Logging:LogLevel:Default=Warning"],
        new DataDirectory(Directory.CreateDirectory(folder).FullName));
    await BulletinWebApp.PrepareDatabaseAsync(app.Services, CancellationToken.None);
    await app.StartAsync();
    var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    using var api = new HttpClient { BaseAddress = address };
    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EditorTokenAsync(app.Services));
    using var reader = new HttpClient { BaseAddress = address };

    var found = new List<double>();
    for (var i = 0; i < stories; i++)
    {
        // A word no other story has, so the first hit is this story.
        var word = $"freshness{i:D5}";
        var created = await api.PostAsJsonAsync("/api/newsroom/stories", new JsonObject
        {
            ["headline"] = $"Harbour {word} reopens after the storm",
            ["language"] = "en",
            ["segments"] = new JsonArray(new JsonObject { ["kind"] = "anchor", ["text"] = $"The {word} harbour reopened this morning." }),
        });
        created.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        foreach (var step in new[] { "submit", "approve" })
        {
            (await api.PostAsync($"/api/newsroom/stories/{id}/{step}", null)).EnsureSuccessStatusCode();
        }

        (await api.PostAsync($"/api/newsroom/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await reader.GetStringAsync(new Uri($"/api/public/search?q={word}", UriKind.Relative));
            if (JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"story {i} was not found 30 s after it was published");
            }

            await Task.Delay(5);
        }

        found.Add(clock.Elapsed.TotalMilliseconds);
    }

    await app.StopAsync();
    await app.DisposeAsync();
    found.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"published until found by public search: p50 {Percentile(found, 50):F0} ms  p95 {Percentile(found, 95):F0} ms  max {found[^1]:F0} ms"));
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}

static double Percentile(List<double> sorted, int percent) =>
    sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

// An editor made directly, as the tests make staff, with an API token for the staff API.
static async Task<string> EditorTokenAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
    var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
    var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = "bench@bench.example", Email = "bench@bench.example", EmailConfirmed = true };
    var created = await users.CreateAsync(user, StaffPasswords.New());
    if (!created.Succeeded || !(await users.AddToRolesAsync(user, [StaffRoles.Editor])).Succeeded)
    {
        throw new InvalidOperationException("could not make the benchmark's editor");
    }

    var (token, row) = AccessToken.Issue(user.Id, "benchmark", TimeProvider.System.GetUtcNow());
    db.AccessTokens.Add(row);
    await db.SaveChangesAsync();
    return token;
}
