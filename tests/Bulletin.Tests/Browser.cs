using Microsoft.Playwright;

namespace Bulletin.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright: nothing is downloaded. Tests that need it skip, and say why, where
/// /usr/bin/chromium is missing (apt-get install chromium fonts-nanum; test.sh does it as root).
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"Browser test skipped: {ChromiumPath} is not installed (apt-get install -y chromium fonts-nanum).");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh browser profile (its own cookies), signed in to the newsroom.</summary>
    public async Task<IPage> SignedInAsync(BulletinServer server, string email, string password)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString().TrimEnd('/'),
            Locale = "ko-KR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A limit on waiting, not a measure of speed: on two busy cores a sign-in (a password hash, a session row,
        // a redirect and the desk's first render) has taken longer than 15 s.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom");
        }
        catch (TimeoutException e)
        {
            // Say where the browser was left and what the page said (a refusal, an error page), not only that it waited.
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)");
            throw new TimeoutException($"Signing in as {email} did not reach /newsroom: the browser is at {page.Url}, which says: {text}", e);
        }

        return page;
    }

    /// <summary>Where screenshots go: BULLETIN_SCREENSHOTS (the repository's docs/ when refreshing them), else a temporary folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("BULLETIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "bulletin-screenshots");
        }

        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
