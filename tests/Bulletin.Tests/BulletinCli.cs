using System.Diagnostics;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>Runs the built `bulletin` executable as a separate process, the way an operator would.</summary>
internal static class BulletinCli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bulletin.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BULLETIN_DATA_DIR"] = database.DataDirectory;
        start.Environment["Database__Provider"] = database.Options.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.Options.ConnectionString ?? "";
        // As a one-node site: it migrates its own database on either provider (a fleet test says otherwise).
        start.Environment["Database__MigrateOnStart"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await output, await error);
    }
}
