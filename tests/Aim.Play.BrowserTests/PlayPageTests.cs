using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Learning.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Aim.Play.BrowserTests;

/// <summary>
/// <c>aim play</c> end to end: a short AIM run on <c>empty-6x6</c> served by <see cref="PlayServer"/>, opened in
/// headless Chromium, where the test plays the person: whenever the page asks for help it presses the key of the
/// shortest-path planner's action. Checks what the person sees (gauge, counters, roles, errors), what the run stores
/// (the person's actions in the human buffer) and what it writes (the run directory).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlayPageTests
{
    private const int TotalSteps = 60;
    private const int WarmUpSteps = 12;

    /// <summary>Longest wait for one thing the page should show; generous because training updates run between steps.</summary>
    private const float PageTimeoutMs = 20_000;

    /// <summary>
    /// Longest the page may take to show what a key did. Generous: a training update runs before the next frame, and the
    /// first (right after warm-up) takes seconds to tens of seconds on a small CI machine.
    /// </summary>
    private const float StepTimeoutMs = 120_000;

    /// <summary>
    /// Recorded before any page script runs: every WebSocket the page opens, so the test can send a malformed message
    /// on the page's own connection (the one the server knows as the controller).
    /// </summary>
    private const string RecordSocketsScript = """
        (() => {
          const Native = window.WebSocket;
          window.__aimSockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__aimSockets.push(this); }
          };
        })();
        """;

    /// <summary>True when the run waits for the person, or has finished (then nothing will be asked again).</summary>
    private const string AskingOrFinished = """
        () => document.body.dataset.phase === 'finished'
           || document.querySelector('#request')?.classList.contains('asking') === true
        """;

    /// <summary>
    /// True once the page shows something other than the frame the person answered (<c>before</c>): another step, another
    /// phase (the robot took control back on the same step), a notice (a refused key), or the end.
    /// </summary>
    private const string ChangedOrFinished = """
        before => document.body.dataset.phase === 'finished'
               || document.body.dataset.phase !== before.phase
               || document.querySelector('#env-steps')?.textContent.trim() !== before.steps
               || document.querySelector('#notice')?.textContent.trim() !== before.notice
        """;

    /// <summary>
    /// Opens a second WebSocket from inside the page (so the browser sets the page's own Origin), sends malformed
    /// messages and returns every message the server sent on it within the wait.
    /// </summary>
    private const string SendMalformedScript = """
        async ([url, messages]) => {
          const received = [];
          const ws = new WebSocket(url);
          ws.onmessage = e => received.push(e.data);
          await new Promise((resolve, reject) => {
            ws.onopen = resolve;
            ws.onerror = () => reject(new Error('WebSocket ' + url + ' did not open'));
          });
          for (const m of messages) ws.send(m);
          const deadline = Date.now() + 5000;
          while (Date.now() < deadline
                 && received.filter(d => { try { return JSON.parse(d).type === 'error'; } catch { return false; } }).length < messages.length) {
            await new Promise(r => setTimeout(r, 20));
          }
          const open = ws.readyState === WebSocket.OPEN;
          ws.close();
          return { received, open };
        }
        """;

    private static readonly string[] MalformedMessages =
    [
        "this is not json",
        """{"type":"act","action":"jump"}""",
        """{"type":"no-such-type"}""",
    ];

    private readonly BrowserFixture _fixture;
    private readonly ITestOutputHelper _output;
    private bool _sawSlowStep;

    public PlayPageTests(BrowserFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task PersonPlaysExpertOfAimRunThroughThePage()
    {
        var clock = Stopwatch.StartNew();
        string screenshots = Artifacts.PlayDirectory();
        string outputRoot = Path.Combine(Path.GetTempPath(), "aim-play-browser-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new PlayOptions
        {
            Task = "empty-6x6",
            Method = "aim",
            Seed = 0,
            OutputRoot = outputRoot,
            StepDelay = TimeSpan.FromMilliseconds(20),
            Settings = new Dictionary<string, string>
            {
                ["total_env_steps"] = TotalSteps.ToString(CultureInfo.InvariantCulture),
                ["warm_up_steps"] = WarmUpSteps.ToString(CultureInfo.InvariantCulture),
                ["eval_every"] = "30",
                ["eval_episodes"] = "5",

                // The first update, right after warm-up, trains 1,000 BC and 200 Q steps by default (15-20 s on two
                // cores); a few hundred are plenty for a 6×6 room and keep the test well under a minute.
                ["policy.initial_steps"] = "200",
                ["q_initial_steps"] = "50",
            },
        };

        using PlaySession session = PlaySession.Create(options);
        GridEnv env = session.GridEnv ?? throw new InvalidOperationException("A grid task must expose its GridEnv.");
        var planner = new ShortestPathExpert(env);

        // Filled by Playwright's event threads.
        var pageErrors = new ConcurrentQueue<string>();
        var consoleErrors = new ConcurrentQueue<string>();
        try
        {
            await using PlayServer server = await PlayServer.StartAsync(session, host: "127.0.0.1", port: 0);
            Uri address = server.Address;
            Uri socketAddress = new(address.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws");
            _output.WriteLine($"Serving {address}; run directory {session.RunDirectory}; setup {clock.ElapsedMilliseconds} ms");

            await using IBrowserContext context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            context.SetDefaultTimeout(PageTimeoutMs);
            await context.AddInitScriptAsync(RecordSocketsScript);

            IPage person = await OpenAsync(context, address, "person", pageErrors, consoleErrors);
            await Assertions.Expect(person.Locator("#role")).ToHaveTextAsync("controller");

            // The run's first step is warm-up: it waits for the person before anything moves.
            await person.WaitForFunctionAsync(AskingOrFinished);
            Assert.NotEqual("finished", await PhaseAsync(person));
            string stepsAtStart = await TextAsync(person, "#env-steps");

            // A second tab sees the same run but may not act: its keys must not become steps.
            IPage viewer = await OpenAsync(context, address, "viewer", pageErrors, consoleErrors);
            await Assertions.Expect(viewer.Locator("#role")).ToHaveTextAsync("viewer");
            await viewer.BringToFrontAsync();
            foreach (string key in new[] { "ArrowUp", "ArrowLeft", "Enter" })
            {
                await viewer.Keyboard.PressAsync(key);
            }

            await Task.Delay(750);
            Assert.Equal(stepsAtStart, await TextAsync(person, "#env-steps"));
            Assert.Equal(stepsAtStart, await TextAsync(viewer, "#env-steps"));
            Assert.Empty(session.PersonActions);
            await person.BringToFrontAsync();

            await CheckMalformedMessagesAsync(person, viewer, socketAddress);
            await CheckForeignOriginRefusedAsync(socketAddress);
            await CheckSocketWithOwnOriginIsViewerAsync(socketAddress, address, session, person);

            // Play: decide only while the page asks, and after each key wait until the page shows what the key did, so a
            // decision is never taken on a frame that the key already made stale.
            var pressed = new List<int>();
            var used = new List<int>();
            bool sawAskingAfterWarmUp = false;
            bool sawPersonAfterWarmUp = false;
            string? scoreName = null, thresholdName = null, score = null, threshold = null;
            while (true)
            {
                await person.WaitForFunctionAsync(AskingOrFinished, null, new PageWaitForFunctionOptions { Timeout = 120_000 });
                PageState before = await StateAsync(person);
                if (before.Phase == "finished")
                {
                    break;
                }

                int stepCount = ParseInt(before.Steps, "#env-steps");
                if (before.Phase == "asking" && !sawAskingAfterWarmUp)
                {
                    // "asking" is the robot's own request; warm-up and person control show "person".
                    sawAskingAfterWarmUp = true;
                    Assert.True(stepCount >= WarmUpSteps, $"The page shows a request for help at step {stepCount}, inside the warm-up.");
                    _output.WriteLine($"First request for help at step {stepCount}: status='{await TextAsync(person, "#status")}', " +
                        $"requests={await TextAsync(person, "#requests")}, gauge='{await TextAsync(person, "#gauges")}'");
                    scoreName = await TextAsync(person, "#score-name");
                    thresholdName = await TextAsync(person, "#threshold-name");
                    score = await TextAsync(person, "#score");
                    threshold = await TextAsync(person, "#threshold");
                    Assert.Equal("person", await TextAsync(person, "#controller"));

                    // The run waits for the person, so the viewer must show the same request by now.
                    await Assertions.Expect(viewer.Locator("body")).ToHaveAttributeAsync("data-phase", "asking");
                    await Assertions.Expect(viewer.Locator("#env-steps")).ToHaveTextAsync(before.Steps);
                    await person.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "asking.png"), FullPage = true });
                    await viewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "viewer-asking.png"), FullPage = true });
                }
                else if (before.Phase == "person" && stepCount >= WarmUpSteps && !sawPersonAfterWarmUp)
                {
                    sawPersonAfterWarmUp = true;
                    _output.WriteLine($"Person in control at step {stepCount}: status='{await TextAsync(person, "#status")}'");
                    await person.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "person-control.png"), FullPage = true });
                }

                // The training thread is blocked waiting for the person, so the env can be read safely now.
                var action = (GridAction)planner.Act();
                await person.Keyboard.PressAsync(KeyOf(action));
                pressed.Add((int)action);
                PageState after = await WaitForChangeAsync(person, before, screenshots);
                if (after.Notice != before.Notice && after.Notice.Contains("not used", StringComparison.Ordinal))
                {
                    Assert.Fail($"The key {KeyOf(action)} ({action}) pressed at step {before.Steps} (phase {before.Phase}) was refused: '{after.Notice}'.");
                }

                // The page's count of stored labels says whether the key became a label: it does unless the robot took
                // control back on that step (AIM asks the person in control first, then hands back when they agree).
                long labelsBefore = ParseInt(before.Labels, "#labels"), labelsAfter = ParseInt(after.Labels, "#labels");
                if (labelsAfter == labelsBefore + 1)
                {
                    used.Add((int)action);
                }
                else
                {
                    Assert.True(labelsAfter == labelsBefore && before.Phase == "person" && stepCount >= WarmUpSteps,
                        $"After the key {action} at step {before.Steps} (phase {before.Phase}) the labels went from {labelsBefore} to {labelsAfter}.");
                }
            }

            _output.WriteLine($"Finished after {clock.ElapsedMilliseconds} ms; {pressed.Count} keys pressed, {used.Count} stored as labels");
            await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Null(session.Failure);
            Assert.False(session.WasStopped);

            // What the page showed.
            Assert.True(sawAskingAfterWarmUp, "The robot never asked for help after warm-up.");
            Assert.True(ParseInt(await TextAsync(person, "#requests"), "#requests") > 0, "#requests stayed 0.");
            Assert.Contains("Q", scoreName, StringComparison.Ordinal);
            Assert.Contains("β", thresholdName, StringComparison.Ordinal);
            ParseNumber(score, "#score");
            ParseNumber(threshold, "#threshold");
            Assert.Equal(TotalSteps, ParseInt(await TextAsync(person, "#env-steps"), "#env-steps"));
            Assert.Contains(Path.GetFileName(session.RunDirectory), await TextAsync(person, "#run-dir"), StringComparison.Ordinal);
            Assert.True(await person.Locator("#charts .js-plotly-plot").CountAsync() > 0, "#charts holds no Plotly chart after the evaluations.");
            Assert.True(await person.EvaluateAsync<bool>("() => { const i = document.querySelector('#scene'); return i.complete && i.naturalWidth > 0; }"),
                "#scene shows no image.");
            await person.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "finished.png"), FullPage = true });

            // Layout facts for whoever looks at the screenshots (logged, not asserted: the contract says nothing of them).
            string layout = await person.EvaluateAsync<string>("""
                () => `page ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window; charts: `
                    + [...document.querySelectorAll('#charts .js-plotly-plot')]
                        .map(d => `#${d.id} box ${d.clientWidth} px, plot ${d._fullLayout?.width} px`).join('; ')
                """);
            _output.WriteLine("Layout: " + layout);

            // The viewer saw the same run through to its end.
            await Assertions.Expect(viewer.Locator("body")).ToHaveAttributeAsync("data-phase", "finished");
            Assert.Equal(await TextAsync(person, "#env-steps"), await TextAsync(viewer, "#env-steps"));
            await viewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "viewer-finished.png"), FullPage = true });

            // What the run stored: the keys the person pressed are the labels, in order.
            HacoBuffer human = session.Trainer.Context.Human;
            int[] stored = StoredExpertActions(human);
            _output.WriteLine($"Pressed: {string.Join(",", pressed)}");
            _output.WriteLine($"Used:    {string.Join(",", used)}");
            Assert.Equal(used, session.PersonActions);
            Assert.Equal(used, stored);
            Assert.Equal(human.TotalAdded, ParseInt(await TextAsync(person, "#labels"), "#labels"));

            // What the run wrote.
            using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(session.RunDirectory, "options.json"))))
            {
                Assert.True(HasProperty(json.RootElement, "expert", "human"), "options.json does not say \"expert\": \"human\".");
            }

            Assert.True(File.Exists(Path.Combine(session.RunDirectory, "metrics.csv")), "metrics.csv is missing.");
            Assert.True(File.Exists(Path.Combine(session.RunDirectory, "summary.json")), "summary.json is missing.");
            Assert.Empty(pageErrors);
            _output.WriteLine($"Test body took {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (string error in pageErrors)
            {
                _output.WriteLine("page error: " + error);
            }

            foreach (string error in consoleErrors)
            {
                _output.WriteLine("console error: " + error);
            }

            if (!session.Completion.IsCompleted)
            {
                // A failed check leaves the training thread waiting for a key: stop it so the test host can exit.
                session.Stop();
                await session.Completion.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            try
            {
                Directory.Delete(outputRoot, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    /// <summary>
    /// Malformed messages, on the controller page's own connection and on a fresh one, each get an error back; the
    /// page shows the last one in <c>#error</c>; the run goes on (the caller keeps playing on the same connection).
    /// </summary>
    private async Task CheckMalformedMessagesAsync(IPage person, IPage viewer, Uri socketAddress)
    {
        int sockets = await person.EvaluateAsync<int>("() => window.__aimSockets.length");
        Assert.True(sockets > 0, "The page opened no WebSocket.");
        await person.EvaluateAsync("() => window.__aimSockets[window.__aimSockets.length - 1].send('{not json')");
        await Assertions.Expect(person.Locator("#error")).Not.ToBeEmptyAsync();
        _output.WriteLine($"#error after a malformed message: '{await TextAsync(person, "#error")}'");
        Assert.Equal(1, await person.EvaluateAsync<int>("() => window.__aimSockets[window.__aimSockets.length - 1].readyState"));

        JsonElement result = await viewer.EvaluateAsync<JsonElement>(SendMalformedScript, new object[] { socketAddress.ToString(), MalformedMessages });
        string[] received = result.GetProperty("received").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        foreach (string message in received)
        {
            _output.WriteLine("fresh socket got: " + Shorten(message));
        }

        int errors = received.Count(m => MessageType(m) == "error");
        Assert.True(errors >= MalformedMessages.Length,
            $"{MalformedMessages.Length} malformed messages got {errors} error replies; received types: {string.Join(", ", received.Select(MessageType))}.");
        Assert.True(result.GetProperty("open").GetBoolean(), "The server closed the connection after malformed messages.");
        Assert.Equal("viewer", received.Select(ParseHello).FirstOrDefault(r => r is not null));
    }

    /// <summary>A page of another site must not drive the run: the socket handshake with a foreign Origin is refused.</summary>
    private async Task CheckForeignOriginRefusedAsync(Uri socketAddress)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(socketAddress, cts.Token);
        }
        catch (WebSocketException e)
        {
            _output.WriteLine($"Foreign origin refused: {e.Message}");
            return;
        }

        // Accepted at the HTTP level: then it must at least not be greeted as a participant.
        string? first = await ReceiveTextAsync(socket, cts.Token);
        Assert.True(first is null || ParseHello(first) is null, $"A socket with a foreign Origin was greeted: {first}");
    }

    /// <summary>
    /// A socket from outside the browser with the page's own Origin is accepted, as a viewer (the page holds control);
    /// the server itself, not only the page's script, ignores a viewer's actions; malformed messages get an error.
    /// Called while the run waits for the person, so an action that got through would show as a step.
    /// </summary>
    private async Task CheckSocketWithOwnOriginIsViewerAsync(Uri socketAddress, Uri address, PlaySession session, IPage person)
    {
        string stepsBefore = await TextAsync(person, "#env-steps");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", address.GetLeftPart(UriPartial.Authority));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(socketAddress, cts.Token);
        string? hello = await ReceiveTextAsync(socket, cts.Token);
        Assert.Equal("viewer", hello is null ? null : ParseHello(hello));
        await SendTextAsync(socket, "[1,2,3]", cts.Token);
        string? reply = await ReceiveErrorAsync(socket, cts.Token);
        Assert.NotNull(reply);
        _output.WriteLine("ClientWebSocket, malformed message: " + Shorten(reply));

        await SendTextAsync(socket, """{"type":"act","action":"forward"}""", cts.Token);
        await Task.Delay(750);
        Assert.Empty(session.PersonActions);
        Assert.Equal(stepsBefore, await TextAsync(person, "#env-steps"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    /// <summary>
    /// Waits until the page no longer shows <paramref name="before"/>. Training updates run between steps (the first,
    /// right after warm-up, is the longest), so a wait over a second is logged with what the person saw meanwhile, and
    /// the first such moment is kept as a screenshot.
    /// </summary>
    private async Task<PageState> WaitForChangeAsync(IPage page, PageState before, string screenshots)
    {
        object arg = new { phase = before.Phase, steps = before.Steps, notice = before.Notice };
        var clock = Stopwatch.StartNew();
        try
        {
            await page.WaitForFunctionAsync(ChangedOrFinished, arg, new PageWaitForFunctionOptions { Timeout = 1000 });
        }
        catch (TimeoutException)
        {
            string meanwhile = $"phase={await PhaseAsync(page)}, status='{await TextAsync(page, "#status")}', " +
                $"asking={await page.Locator("#request.asking").CountAsync() > 0}";
            if (!_sawSlowStep)
            {
                _sawSlowStep = true;
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "slow-step.png"), FullPage = true });
            }

            try
            {
                await page.WaitForFunctionAsync(ChangedOrFinished, arg, new PageWaitForFunctionOptions { Timeout = StepTimeoutMs });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The page still shows step {before.Steps} ({before.Phase}) {clock.ElapsedMilliseconds} ms after the person's key: " +
                    $"status='{await TextAsync(page, "#status")}', error='{await TextAsync(page, "#error")}'.");
            }

            _output.WriteLine($"Step {before.Steps} ({before.Phase}): the page changed {clock.ElapsedMilliseconds} ms after the key; meanwhile {meanwhile}.");
        }

        return await StateAsync(page);
    }

    /// <summary>What the page shows now, read in one script so the fields come from the same frame.</summary>
    private static async Task<PageState> StateAsync(IPage page)
    {
        JsonElement e = await page.EvaluateAsync<JsonElement>("""
            () => ({
              phase: document.body.dataset.phase ?? '',
              steps: document.querySelector('#env-steps')?.textContent.trim() ?? '',
              labels: document.querySelector('#labels')?.textContent.trim() ?? '',
              notice: document.querySelector('#notice')?.textContent.trim() ?? '',
            })
            """);
        return new PageState(e.GetProperty("phase").GetString()!, e.GetProperty("steps").GetString()!, e.GetProperty("labels").GetString()!, e.GetProperty("notice").GetString()!);
    }

    /// <summary>
    /// Opens the page in a new tab. Uncaught script exceptions go to <paramref name="errors"/> (the test fails on them);
    /// console errors only to <paramref name="consoleErrors"/>, for the log (a page may log the server's error replies).
    /// </summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, Uri address, string name, ConcurrentQueue<string> errors, ConcurrentQueue<string> consoleErrors)
    {
        IPage page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Enqueue($"{name}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                consoleErrors.Enqueue($"{name}: HTTP {response.Status} for {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Enqueue($"{name}: {message.Text}");
            }
        };
        await page.GotoAsync(address.ToString());
        return page;
    }

    private static Task SendTextAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next error message, skipping frames and charts; null when the server closes the socket first.</summary>
    private static async Task<string?> ReceiveErrorAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? message = await ReceiveTextAsync(socket, cancellationToken);
            if (message is null || MessageType(message) == "error")
            {
                return message;
            }
        }
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>The person's labels as the run stored them: the executed (expert) action of each human-buffer transition.</summary>
    private static int[] StoredExpertActions(HacoBuffer human)
    {
        var actions = new int[human.Count];
        for (int i = 0; i < human.Count; i++)
        {
            int slot = human.SlotOf(i);
            Assert.True(human.Intervention(slot), $"Human-buffer transition {i} is not marked as an intervention.");
            actions[i] = (int)human.BehaviourAction(slot)[0];
        }

        return actions;
    }

    /// <summary>The page's key for each grid action (the contract's MiniGrid manual-control keys).</summary>
    private static string KeyOf(GridAction action) => action switch
    {
        GridAction.Left => "ArrowLeft",
        GridAction.Right => "ArrowRight",
        GridAction.Forward => "ArrowUp",
        GridAction.Pickup => "PageUp",
        GridAction.Drop => "PageDown",
        GridAction.Toggle => "Space",
        GridAction.Done => "Enter",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No key for this action."),
    };

    private static async Task<string> PhaseAsync(IPage page) => await page.Locator("body").GetAttributeAsync("data-phase") ?? "";

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.Locator(selector).TextContentAsync() ?? "").Trim();

    private static int ParseInt(string text, string what)
    {
        Assert.True(int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value),
            $"{what} shows '{text}', not a whole number.");
        return value;
    }

    private static double ParseNumber(string? text, string what)
    {
        // Pages print minus signs as U+2212 for typography; the number is the same.
        string normalized = (text ?? "").Replace('\u2212', '-');
        Assert.True(double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out double value),
            $"{what} shows '{text}', not a number.");
        return value;
    }

    private static string MessageType(string message)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(message);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out JsonElement type)
                ? type.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return "(not json)";
        }
    }

    /// <summary>The role a hello message gives, or null when <paramref name="message"/> is not a hello.</summary>
    private static string? ParseHello(string message)
    {
        if (MessageType(message) != "hello")
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(message);
        return json.RootElement.TryGetProperty("role", out JsonElement role) ? role.GetString() : null;
    }

    /// <summary>True when <paramref name="element"/> or any object inside it has <paramref name="name"/> = <paramref name="value"/>.</summary>
    private static bool HasProperty(JsonElement element, string name, string value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if ((property.Name == name && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == value)
                        || HasProperty(property.Value, name, value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(e => HasProperty(e, name, value));
            default:
                return false;
        }
    }

    /// <summary>The fields of the page the play loop decides on.</summary>
    private sealed record PageState(string Phase, string Steps, string Labels, string Notice);

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
