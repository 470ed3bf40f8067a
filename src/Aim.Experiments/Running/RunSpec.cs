using Aim.Experiments.Catalog;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// What one run is: a method on a task with a seed, its harness options and its method's options record, both typed,
/// parsed and checked when the spec is made; the run itself only reads them.
/// </summary>
/// <remarks>
/// A spec is valid by construction: every constructor checks the names, the options' type and every value's range
/// (before any folder is created, so a refused run leaves nothing behind). Only <see cref="Trainer"/> can be replaced
/// afterwards (<c>spec with { Trainer = … }</c>, for another seed or budget), and it is checked when it is.
/// </remarks>
public sealed record RunSpec
{
    private readonly TrainerOptions _trainer;

    /// <summary>
    /// A spec from <c>key=value</c> method overrides (the form of the command line, sweeps and notebooks), parsed here
    /// once on top of the task's preset (<see cref="TaskCatalog.Preset"/>).
    /// </summary>
    /// <param name="task">Task name (see <see cref="TaskCatalog.Names"/>).</param>
    /// <param name="method">Method name (see <see cref="MethodCatalog.Names"/>).</param>
    /// <param name="trainer">Harness options (the seed lives here).</param>
    /// <param name="overrides">Method option overrides, e.g. <c>delta=0.1</c>, applied in order; null: none.</param>
    /// <exception cref="ArgumentException">Unknown task, method or key (the message lists the valid ones), or a value that does not parse.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names its key).</exception>
    public RunSpec(string task, string method, TrainerOptions trainer, IReadOnlyDictionary<string, string>? overrides = null)
        : this(task, method, trainer, MethodCatalog.Apply(method, TaskCatalog.Preset(task, method), overrides), Copy(overrides))
    {
    }

    /// <summary>A spec from a typed options record, e.g. <c>AimOptions.Driving with { Delta = 0.2 }</c>.</summary>
    /// <param name="task">Task name (see <see cref="TaskCatalog.Names"/>).</param>
    /// <param name="method">Method name (see <see cref="MethodCatalog.Names"/>).</param>
    /// <param name="trainer">Harness options (the seed lives here).</param>
    /// <param name="methodOptions">The method's options record as the run uses it (the task's preset is not applied).</param>
    /// <exception cref="ArgumentException">Unknown task or method, or options of another method.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names its key).</exception>
    public RunSpec(string task, string method, TrainerOptions trainer, object methodOptions)
        : this(task, method, trainer, methodOptions, Copy(null))
    {
    }

    private RunSpec(string task, string method, TrainerOptions trainer, object methodOptions, IReadOnlyDictionary<string, string> overrides)
    {
        TaskCatalog.EnsureKnown(task);
        MethodCatalog.EnsureOptions(method, methodOptions);
        _trainer = Checked(trainer);
        OptionsValidation.Validate(methodOptions, $"method '{method}'");
        Task = task;
        Method = method;
        MethodOptions = methodOptions;
        Overrides = overrides;
    }

    /// <summary>Task name.</summary>
    public string Task { get; }

    /// <summary>Method name.</summary>
    public string Method { get; }

    /// <summary>Harness options (the seed lives here); each value is checked when they are set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On set: a value is out of range (the message names its key).</exception>
    public TrainerOptions Trainer
    {
        get => _trainer;
        // The method's options do not depend on the harness, so only the harness needs checking again.
        init => _trainer = Checked(value);
    }

    /// <summary>The method's options record (for example <c>AimOptions</c>), what <see cref="MethodCatalog.Create"/> builds the method with.</summary>
    public object MethodOptions { get; }

    /// <summary>
    /// The <c>key=value</c> overrides the options came from, as given (empty for a spec made from a typed record): the
    /// record of what the user set, written to options.json and shown as the run's settings.
    /// </summary>
    public IReadOnlyDictionary<string, string> Overrides { get; }

    /// <summary>The run's seed.</summary>
    public int Seed => Trainer.Seed;

    private static TrainerOptions Checked(TrainerOptions trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        OptionsValidation.Validate(trainer, "the harness");
        return trainer;
    }

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string>? overrides) =>
        overrides is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(overrides, StringComparer.Ordinal);
}
