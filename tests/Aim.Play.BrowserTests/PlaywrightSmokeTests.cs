using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Aim.Play.BrowserTests;

/// <summary>
/// Proves the browser tooling on its own, without <c>aim play</c>: Playwright's bundled driver drives the system
/// Chromium headless against an in-process Kestrel page. When this fails, the problem is the machine (no Chromium, a
/// Chromium that does not start), not the play page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaywrightSmokeTests
{
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>smoke</title></head>
        <body style="font: 24px sans-serif">
          <h1 id="title">Kestrel + Playwright</h1>
          <p>keys: <span id="count">0</span>, last: <span id="last">none</span></p>
          <script>
            let n = 0;
            document.addEventListener('keydown', e => {
              document.getElementById('count').textContent = String(++n);
              document.getElementById('last').textContent = e.key;
            });
          </script>
        </body></html>
        """;

    private readonly BrowserFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PlaywrightSmokeTests(BrowserFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task SystemChromiumLoadsKestrelPageReactsToKeysAndTakesScreenshot()
    {
        var clock = Stopwatch.StartNew();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        await app.StartAsync();

        // Port 0: Kestrel picks a free port and reports the bound address through the server's address feature.
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _output.WriteLine($"Kestrel on {address}, Chromium {_fixture.Browser.Version} from {_fixture.ExecutablePath}");

        await using IBrowserContext context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 800, Height = 400 },
        });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(address);
        Assert.Equal("Kestrel + Playwright", await page.Locator("#title").TextContentAsync());

        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("2");
        Assert.Equal("x", await page.Locator("#last").TextContentAsync());

        string path = Path.Combine(Artifacts.PlayDirectory(), "smoke.png");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(png.Length > 1000, $"A screenshot of {png.Length} bytes is too small to show the page.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        _output.WriteLine($"Screenshot {path} ({png.Length} bytes); {clock.ElapsedMilliseconds} ms");

        await app.StopAsync();
    }
}
