using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>What one run is: a method on a task with a seed, harness options and method option overrides.</summary>
/// <param name="Task">Task name (see <see cref="Catalog.TaskCatalog.Names"/>).</param>
/// <param name="Method">Method name (see <see cref="Catalog.MethodCatalog.Names"/>).</param>
/// <param name="Trainer">Harness options (the seed lives here).</param>
/// <param name="Overrides">Method option overrides as key = value strings (e.g. <c>delta=0.1</c>).</param>
public sealed record RunSpec(string Task, string Method, TrainerOptions Trainer, IReadOnlyDictionary<string, string>? Overrides = null)
{
    /// <summary>The run's seed.</summary>
    public int Seed => Trainer.Seed;
}
