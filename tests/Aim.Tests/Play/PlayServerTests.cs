using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aim.Core.Experts;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Play;
using Aim.Play.Session;
using Aim.Tests.Cli;

namespace Aim.Tests.Play;

/// <summary>
/// The play server with a WebSocket client standing in for the page (the browser test drives the real page): a person
/// played by the grid planner, refused messages, a read-only second tab, the origin check and the run directory.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class PlayServerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-play-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task APersonPlaysThroughTheSocketAndTheRunIsAnOrdinaryRunMarkedHuman()
    {
        // One torch thread for both runs compared below (the count is a per-thread setting; awaits change threads).
        TorchRuntime.Initialize(1);
        using PlaySession session = PlaySession.Create(Options("lavacrossing-s9n1", "aim", 4));
        await using PlayServer server = await PlayServer.StartAsync(session, port: 0);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.Address.Host)));
        using ClientWebSocket page = await Connect(server);
        using ClientWebSocket secondTab = await Connect(server);
        var planner = new ShortestPathExpert(session.GridEnv!);
        var sent = new List<int>();
        long lastActed = -1;
        bool sawGauge = false;
        bool refusedGarbage = false;
        bool refusedViewer = false;

        JsonElement hello = await Receive(page);
        Assert.Equal("controller", hello.GetProperty("role").GetString());
        JsonElement secondHello = await Receive(secondTab);
        Assert.Equal("viewer", secondHello.GetProperty("role").GetString());
        await Send(secondTab, "{\"type\":\"act\",\"action\":\"forward\"}");
        await Send(page, "{\"type\":\"open\",\"path\":\"/etc/passwd\"}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            JsonElement message = await Receive(page, timeout.Token);
            string type = message.GetProperty("type").GetString()!;
            if (type == "error")
            {
                refusedGarbage |= message.GetProperty("message").GetString()!.Contains("Unknown message type 'open'", StringComparison.Ordinal);
                continue;
            }

            if (type == "finished")
            {
                break;
            }

            if (type != "frame")
            {
                continue;
            }

            JsonElement gauges = message.GetProperty("gauges");
            if (gauges.GetArrayLength() > 0 && gauges[0].GetProperty("name").GetString() == "Q^I(s, a_r)")
            {
                sawGauge |= gauges[0].GetProperty("thresholdName").GetString() == "β" && gauges[0].GetProperty("threshold").ValueKind == JsonValueKind.Number;
            }

            string phase = message.GetProperty("phase").GetString()!;
            long step = message.GetProperty("step").GetInt64();
            if (phase is "asking" or "person" && step != lastActed)
            {
                // The test is the person: it answers with the planner's action in the state the page shows.
                int action = planner.Act();
                sent.Add(action);
                lastActed = step;
                await Send(page, $"{{\"type\":\"act\",\"action\":\"{Aim.Play.Protocol.ClientMessage.ActionNames[action]}\"}}");
            }
        }

        await session.Completion;
        for (int i = 0; i < 20 && !refusedViewer; i++)
        {
            JsonElement m = await Receive(secondTab, timeout.Token);
            refusedViewer |= m.GetProperty("type").GetString() == "error" && m.GetProperty("message").GetString()!.Contains("only watches", StringComparison.Ordinal);
        }

        Assert.Null(session.Failure);
        Assert.True(refusedGarbage, "a malformed message was not answered with an error");
        Assert.True(refusedViewer, "the second tab's key was not refused");
        Assert.True(sawGauge, "no frame showed Q^I against β");
        Assert.True(session.Trainer.Account.SwitchesToHuman > 0, "the robot never asked for help");

        // The labels the run stored are the person's actions, in order; every action the person sent was used.
        float[] stored = StoredLabels(session);
        Assert.Equal(session.PersonActions.Select(a => (float)a), stored);
        Assert.Equal(sent.Count, session.PersonActions.Count + (int)session.Trainer.Account.SwitchesToRobot);

        // An ordinary run directory, marked as a person's, that the result loader reads as its own series.
        using JsonDocument options = JsonDocument.Parse(File.ReadAllText(Path.Combine(session.RunDirectory, "options.json")));
        Assert.Equal("human", options.RootElement.GetProperty("expert").GetString());
        foreach (string file in new[] { "metrics.csv", "steps.csv", "episodes.csv", "summary.json", "report.html", "checkpoints/final" })
        {
            Assert.True(File.Exists(Path.Combine(session.RunDirectory, file)) || Directory.Exists(Path.Combine(session.RunDirectory, file)), file);
        }

        RunRecord run = RunLoader.Load(session.RunDirectory);
        Assert.Equal("human", run.Settings["expert"]);
        Assert.True(run.IsFinished);

        // A person who presses the planner's keys, asked only when in control, is the same run as that planner asked
        // in-process: the page, the socket and the threads add nothing and lose nothing. (The planner keeps its plan
        // between calls, so one asked on every step may break ties differently: the in-process run asks on demand too.)
        TorchRuntime.Initialize(1);
        string inProcess = Directory.CreateDirectory(Path.Combine(_root, "in-process")).FullName;
        ExperimentRunner.WriteOptions(inProcess, session.Spec);
        using (var trainer = Experiment.Grid(session.Spec, inProcess, env => new OnDemandPlanner(new ShortestPathExpert(env))))
        {
            trainer.Train();
        }

        Assert.Empty(Differences(Path.Combine(inProcess, "metrics.csv"), Path.Combine(session.RunDirectory, "metrics.csv")));
        File.WriteAllText(Path.Combine(inProcess, "summary.json"), "{}");
        ResultSet both = ResultSet.Load(_root);
        Assert.Equal(["aim", "aim (expert=human)"], both.Runs.Select(r => r.Series).Order(StringComparer.Ordinal));
    }

    /// <summary>The grid planner as an on-demand expert: asked only when in control, as a person is.</summary>
    private sealed class OnDemandPlanner(ShortestPathExpert planner) : IExpert<byte[], int>, IOnDemandExpert
    {
        public int Act(byte[] observation) => planner.Act(observation);
    }

    /// <summary>The cells where two metrics.csv differ ("column@row: a vs b"), the wall-clock column left out.</summary>
    private static List<string> Differences(string expectedPath, string actualPath)
    {
        string[][] expected = File.ReadAllLines(expectedPath).Select(l => l.Split(',')).ToArray();
        string[][] actual = File.ReadAllLines(actualPath).Select(l => l.Split(',')).ToArray();
        var differences = new List<string>();
        Assert.Equal(expected.Length, actual.Length);
        for (int row = 0; row < expected.Length; row++)
        {
            for (int col = 0; col < expected[0].Length; col++)
            {
                if (expected[0][col] != "time_s" && expected[row][col] != actual[row][col])
                {
                    differences.Add($"{expected[0][col]}@{row}: {expected[row][col]} vs {actual[row][col]}");
                }
            }
        }

        return differences;
    }

    [Fact]
    public async Task StoppingKeepsWhatWasDoneAndOtherOriginsAreRefused()
    {
        using PlaySession session = PlaySession.Create(Options("empty-6x6", "aim", 1) with
        {
            Settings = new Dictionary<string, string> { ["total_env_steps"] = "5000", ["warm_up_steps"] = "12", ["eval_episodes"] = "2", ["eval_every"] = "20" },
        });
        await using PlayServer server = await PlayServer.StartAsync(session, port: 0);

        using var stranger = new ClientWebSocket();
        stranger.Options.SetRequestHeader("Origin", "http://evil.example");
        await Assert.ThrowsAnyAsync<WebSocketException>(() => stranger.ConnectAsync(SocketUri(server), CancellationToken.None));

        using ClientWebSocket page = await Connect(server);
        var planner = new ShortestPathExpert(session.GridEnv!);
        long lastActed = -1;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (session.Trainer.History.Count < 2)
        {
            JsonElement message = await Receive(page, timeout.Token);
            if (message.GetProperty("type").GetString() == "frame"
                && message.GetProperty("phase").GetString() is "asking" or "person"
                && message.GetProperty("step").GetInt64() is long step && step != lastActed)
            {
                lastActed = step;
                await Send(page, $"{{\"type\":\"act\",\"action\":\"{Aim.Play.Protocol.ClientMessage.ActionNames[planner.Act()]}\"}}");
            }
        }

        await Send(page, "{\"type\":\"stop\"}");
        await session.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(session.WasStopped);
        Assert.True(session.Trainer.EnvSteps < 5000);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(session.RunDirectory, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("stopped").GetBoolean());
        Assert.True(Directory.Exists(Path.Combine(session.RunDirectory, "checkpoints", "final")));

        // Ended as a finished run ends: the last evaluation is at the last step taken (once, not repeated), all logged.
        Assert.Equal(session.Trainer.EnvSteps, session.Trainer.History[^1].EnvSteps);
        Assert.Equal(session.Trainer.History.Count, RunLoader.Load(session.RunDirectory).Evaluations);
        Assert.True(session.Trainer.History.Count >= 2);
    }

    [Fact]
    public async Task DrivingWaitsForAHeldKeyAndStoresTheRampedControls()
    {
        using PlaySession session = PlaySession.Create(Options("driving-toy", "aim", 2) with
        {
            Settings = new Dictionary<string, string> { ["total_env_steps"] = "60", ["warm_up_steps"] = "20", ["eval_every"] = "60", ["eval_episodes"] = "1" },
        });
        await using PlayServer server = await PlayServer.StartAsync(session, port: 0);
        using ClientWebSocket page = await Connect(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        JsonElement hello = await Receive(page, timeout.Token);
        Assert.True(hello.GetProperty("driving").GetBoolean());

        // The simulation does not start until a key is held: the first step waits for the person.
        JsonElement first = await Receive(page, timeout.Token);
        Assert.Equal("person", first.GetProperty("phase").GetString());
        await Task.Delay(300);
        Assert.Equal(0, session.Trainer.EnvSteps);
        await Send(page, "{\"type\":\"act\",\"action\":\"forward\"}");
        await Send(page, "{\"type\":\"keys\",\"steer\":0,\"throttle\":1}");
        await session.Completion.WaitAsync(timeout.Token);
        Assert.Null(session.Failure);

        // Held throttle, ramped 0.25 a step from rest at every start of the person's control; no steering.
        var human = session.Trainer.Context.Human;
        Assert.True(human.Count >= 20);
        for (int i = 0; i < human.Count; i++)
        {
            ReadOnlySpan<float> label = human.BehaviourAction(i);
            Assert.Equal(0f, label[0]);
            Assert.Contains(label[1], new[] { 0.25f, 0.5f, 0.75f, 1f });
            if (human.InterventionStart(i))
            {
                Assert.Equal(DrivingPerson.ThrottleRamp, label[1]);
            }
        }
    }

    [Fact]
    public void BadOptionsAreRefusedAndLeaveNoFolder()
    {
        Assert.Contains("never asks", Assert.Throws<ArgumentException>(() => PlaySession.Create(Options("empty-6x6", "bc", 0))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PlaySession.Create(Options("no-such-task", "aim", 0)));
        Assert.Contains("grid tasks only", Assert.Throws<ArgumentException>(() => PlaySession.Create(Options("driving-toy", "aim", 0) with { PlannerStandsIn = true })).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => PlaySession.Create(Options("empty-6x6", "aim", 0) with { Settings = new Dictionary<string, string> { ["delta"] = "1.5" } }));
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFileSystemEntries(_root).Any());
    }

    private PlayOptions Options(string task, string method, int seed) => new()
    {
        Task = task,
        Method = method,
        Seed = seed,
        OutputRoot = _root,
        StepDelay = TimeSpan.Zero,
        Settings = new Dictionary<string, string>
        {
            ["total_env_steps"] = "260",
            ["warm_up_steps"] = "60",
            ["eval_every"] = "100",
            ["eval_episodes"] = "3",
        },
    };

    private static float[] StoredLabels(PlaySession session)
    {
        var human = session.Trainer.Context.Human;
        var labels = new float[human.Count];
        for (int i = 0; i < human.Count; i++)
        {
            labels[i] = human.BehaviourAction(i)[0];
        }

        return labels;
    }

    private static async Task<ClientWebSocket> Connect(PlayServer server)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", server.Address.GetLeftPart(UriPartial.Authority));
        await socket.ConnectAsync(SocketUri(server), CancellationToken.None);
        return socket;
    }

    private static Uri SocketUri(PlayServer server) => new UriBuilder(new Uri(server.Address, "ws")) { Scheme = "ws" }.Uri;

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonElement> Receive(ClientWebSocket socket, CancellationToken cancellation = default)
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellation);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using JsonDocument document = JsonDocument.Parse(text.ToArray());
        return document.RootElement.Clone();
    }
}
