using System.Net;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Results;
using Aim.Play;

namespace Aim.Interactive.Play;

/// <summary>
/// A play session started from a notebook cell: the page runs on a free local port while the notebook goes on; the
/// cell shows the link. <see cref="Finish"/> (a later cell) stops the session if it still runs, keeps what was played
/// and loads the run.
/// </summary>
public sealed class PlayLink
{
    private readonly PlayServer _server;

    private PlayLink(PlayServer server) => _server = server;

    /// <summary>The session (its run directory, spec and trainer).</summary>
    public PlaySession Session => _server.Session;

    /// <summary>The page's address on this machine.</summary>
    public Uri Address => _server.Address;

    /// <summary>
    /// Starts a session and its page on 127.0.0.1 (a free port). Budgets are the play defaults (<see cref="PlayDefaults"/>)
    /// with <paramref name="settings"/> over them.
    /// </summary>
    /// <param name="task">Task name (default the lava crossing).</param>
    /// <param name="method">Method name (default AIM).</param>
    /// <param name="seed">Seed of the run.</param>
    /// <param name="outputRoot">Folder of the run directory (default runs/ under the working directory).</param>
    /// <param name="settings">Harness and method settings, <c>key=value</c> as on the command line.</param>
    /// <param name="stepDelay">Pause before each robot step (null: the page's default).</param>
    public static PlayLink Start(
        string task = "lavacrossing-s9n1",
        string method = "aim",
        int seed = 0,
        string outputRoot = "runs",
        IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? stepDelay = null)
    {
        PlaySession session = PlaySession.Create(new PlayOptions
        {
            Task = task,
            Method = method,
            Seed = seed,
            OutputRoot = outputRoot,
            Settings = settings ?? new Dictionary<string, string>(),
            StepDelay = stepDelay,
        });
        try
        {
            return new PlayLink(PlayServer.StartAsync(session, "127.0.0.1", port: 0).GetAwaiter().GetResult());
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lets the grid planner press the keys, through the same inbox as the page (for notebooks that must run
    /// unattended). The run is then the planner's, not a person's: say so where it is shown.
    /// </summary>
    public Task PlanAsStandInAsync(CancellationToken cancellationToken = default)
    {
        ShortestPathExpert? planner = null;
        return Session.PlayAsync(env => (planner ??= new ShortestPathExpert(env)).Act(), cancellationToken);
    }

    /// <summary>Stops the session if it still runs (what was played is kept), closes the page and loads the run.</summary>
    /// <exception cref="InvalidOperationException">Nothing was evaluated yet (the session was stopped during warm-up).</exception>
    public RunRecord Finish()
    {
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Session.Dispose();
        if (Session.Trainer.History.Count == 0)
        {
            throw new InvalidOperationException($"The session stopped before its first evaluation (during warm-up); {Session.RunDirectory} holds the steps played.");
        }

        return RunLoader.Load(Session.RunDirectory);
    }

    /// <summary>A link to the page.</summary>
    public string ToHtml() =>
        $"<p><a href=\"{WebUtility.HtmlEncode(Address.ToString())}\" target=\"_blank\" rel=\"noopener\">Open the play page: {WebUtility.HtmlEncode(Address.ToString())}</a> "
        + $"({WebUtility.HtmlEncode(Session.Spec.Method)} on {WebUtility.HtmlEncode(Session.Spec.Task)}; the run goes to {WebUtility.HtmlEncode(Session.RunDirectory)})</p>";

    /// <inheritdoc />
    public override string ToString() =>
        $"Play page: {Address} ({Session.Spec.Method} on {Session.Spec.Task}; run directory {Session.RunDirectory})";
}
