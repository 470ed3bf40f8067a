using System.Net;
using System.Net.WebSockets;
using Aim.Experiments.Charts;
using Aim.Play.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aim.Play;

/// <summary>
/// The local web server of a play session (ASP.NET Core's Kestrel): the page, its script and Plotly (served from the
/// assembly, no internet needed), and one WebSocket per open tab. Bound to the loopback address unless told otherwise;
/// WebSockets from other origins, and requests naming another host (DNS rebinding), are refused.
/// </summary>
public sealed class PlayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlayServer(WebApplication app, PlaySession session, Uri address)
    {
        _app = app;
        Session = session;
        Address = address;
    }

    /// <summary>The page's address (<c>http://127.0.0.1:5000/</c> by default).</summary>
    public Uri Address { get; }

    /// <summary>The session the page plays.</summary>
    public PlaySession Session { get; }

    /// <summary>Starts the server, then the session's training thread.</summary>
    /// <param name="session">The session (started here).</param>
    /// <param name="host">Address to listen on: <c>127.0.0.1</c> (default), <c>localhost</c>, or an IP address (other machines can then reach the page).</param>
    /// <param name="port">Port (default 5000; 0 picks a free one).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The host is not an IP address or localhost, or the port is outside 0–65535.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<PlayServer> StartAsync(PlaySession session, string host = "127.0.0.1", int port = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        IPAddress address = CheckEndpoint(host, port);

        bool loopbackOnly = IPAddress.IsLoopback(address);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PlayServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        WebApplication app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Host '{context.Request.Host}' refused: this page serves only localhost.");
                return;
            }

            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context);
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapGet("/", () => Results.Text(PageAssets.Text("index.html"), "text/html; charset=utf-8"));
        app.MapGet("/play.js", () => Results.Text(PageAssets.Text("play.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/play.css", () => Results.Text(PageAssets.Text("play.css"), "text/css; charset=utf-8"));
        app.MapGet("/plotly.min.js", () => Results.Text(OfflinePlotly.PlotlyJsSource, "text/javascript; charset=utf-8"));
        app.Map("/ws", context => ServeSocket(context, session));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"Cannot listen on {host}:{port} ({e.Message}); choose another port with --port (0 picks a free one).", e);
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        session.Start();
        return new PlayServer(app, session, uri);
    }

    /// <summary>Stops the session (the run so far is kept) and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        Session.Stop();
        await Session.Completion.ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Checks a host and port before anything starts; returns the address to listen on.</summary>
    /// <exception cref="ArgumentException">The host is not an IP address or localhost, or the port is outside 0–65535.</exception>
    public static IPAddress CheckEndpoint(string host, int port)
    {
        IPAddress address = ParseHost(host);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {port} is out of range; expected 0 to 65535 (0 picks a free port).", nameof(port));
        }

        return address;
    }

    private static IPAddress ParseHost(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out IPAddress? address)
            ? address
            : throw new ArgumentException($"Host '{host}' is not an IP address or localhost; expected for example 127.0.0.1 (default) or 0.0.0.0.", nameof(host));
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out IPAddress? ip) && IPAddress.IsLoopback(ip));

    private static async Task ServeSocket(HttpContext context, PlaySession session)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This address takes WebSocket connections from the play page.");
            return;
        }

        // A browser always names the page that opens a WebSocket: only this server's own page may play.
        string? origin = context.Request.Headers.Origin;
        string own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (origin is not null && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"Origin '{origin}' refused: only {own} may connect.");
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        PlayConnectionLoop loop = new(socket, session);
        await loop.RunAsync(context.RequestAborted);
    }
}
