namespace Aim.Play;

/// <summary>What a play session runs: the task, the method, the seed, the pace and where the run directory goes.</summary>
public sealed record PlayOptions
{
    /// <summary>Task name (a grid task or a driving task); default <c>lavacrossing-s9n1</c>.</summary>
    public string Task { get; init; } = "lavacrossing-s9n1";

    /// <summary>Method name; default <c>aim</c>. Offline methods (BC) never ask and are refused.</summary>
    public string Method { get; init; } = "aim";

    /// <summary>Seed of the run (layouts, networks); default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Harness and method settings (<c>key=value</c>, as <c>aim run --set</c>), applied over the play defaults
    /// (<see cref="PlayDefaults"/>): a person has minutes, not the hours of a full budget.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Folder in which the run directory <c>{task}__{method}__human__s{seed}__{time}/</c> is created; default <c>runs</c>.</summary>
    public string OutputRoot { get; init; } = "runs";

    /// <summary>
    /// Pause before each robot step, so a person can follow (0 to 5 s); null: 300 ms on the grid, 100 ms (real time)
    /// when driving. Changed live from the page.
    /// </summary>
    public TimeSpan? StepDelay { get; init; }

    /// <summary>
    /// True: nobody is at the keyboard and the grid planner presses the keys through the same inbox as the page (for
    /// unattended demonstrations and CI). The run is then the planner's and its options.json says
    /// <c>"expert": "planner-stand-in"</c>, not <c>"human"</c>. Grid tasks only. Default false.
    /// </summary>
    public bool PlannerStandsIn { get; init; }

    /// <summary>Longest allowed <see cref="StepDelay"/>.</summary>
    public static TimeSpan MaxStepDelay { get; } = TimeSpan.FromSeconds(5);
}
