using Microsoft.Playwright;

namespace Aim.Play.BrowserTests;

/// <summary>
/// One Playwright driver and one headless system Chromium shared by the tests of the <c>browser</c> collection
/// (starting Chromium costs about a second; each test opens its own context, so tests stay isolated).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Chromium executable in use.</summary>
    public string ExecutablePath { get; private set; } = "";

    /// <summary>The running headless browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ExecutablePath = ChromiumLocator.Find();

        // The driver (Node.js and Playwright's JS package) ships inside the NuGet package under .playwright/ and is
        // copied next to the test assembly; it needs no network. ExecutablePath skips Playwright's browser registry,
        // so no `playwright install` is needed.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Containers often have a tiny /dev/shm, where Chromium's renderers crash; CI runs as root, where
            // Chromium's sandbox cannot start (Playwright already passes --no-sandbox unless ChromiumSandbox is set).
            Args = ["--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Tests that share <see cref="BrowserFixture"/>; they run one after another (the machine has few cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
