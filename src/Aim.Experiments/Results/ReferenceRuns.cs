namespace Aim.Experiments.Results;

/// <summary>
/// Measurements of another implementation's runs to compare ours with, kept as CSV in the repository
/// (<c>data/reference/{name}/</c>, described by its README.md): the released AIM code's MiniGrid runs, for instance.
/// A folder holds <c>evaluations.csv</c> (<c>seed,env_steps,expert_steps,success,mean_episode_length</c>: every
/// evaluation of the seeds whose curve was recorded) and <c>seeds.csv</c>
/// (<c>seed,last_expert_steps,last_success,best_expert_steps,best_success,first_success_expert_steps,human_buffer_at_end</c>:
/// one row per seed).
/// </summary>
public sealed class ReferenceRuns
{
    /// <summary>The folder, relative to the repository root, that holds reference sets.</summary>
    public const string ReferenceFolder = "data/reference";

    /// <summary>The evaluations file's name.</summary>
    public const string EvaluationsFile = "evaluations.csv";

    /// <summary>The per-seed file's name.</summary>
    public const string SeedsFile = "seeds.csv";

    private static readonly string[] s_evaluationColumns = ["seed", "env_steps", "expert_steps", "success", "mean_episode_length"];

    private static readonly string[] s_seedColumns =
        ["seed", "last_expert_steps", "last_success", "best_expert_steps", "best_success", "first_success_expert_steps", "human_buffer_at_end"];

    private ReferenceRuns(string folder, IReadOnlyList<ReferenceEvaluation> evaluations, IReadOnlyList<ReferenceSeed> seeds)
    {
        Folder = folder;
        Evaluations = evaluations;
        Seeds = seeds;
    }

    /// <summary>The folder the runs were read from (full path).</summary>
    public string Folder { get; }

    /// <summary>Every recorded evaluation, ordered by seed, then expert steps.</summary>
    public IReadOnlyList<ReferenceEvaluation> Evaluations { get; }

    /// <summary>One entry per seed, ordered by seed.</summary>
    public IReadOnlyList<ReferenceSeed> Seeds { get; }

    /// <summary>Reads a reference folder.</summary>
    /// <param name="nameOrFolder">
    /// A folder (relative paths from the working directory), e.g. <c>data/reference/released-aim-minigrid</c>, or a
    /// name under <see cref="ReferenceFolder"/> found from the working directory upwards, e.g. <c>released-aim-minigrid</c>.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">Neither such a folder nor such a name (the message names it and lists the references there are).</exception>
    /// <exception cref="FileNotFoundException">The folder lacks one of the two files (the message names it).</exception>
    /// <exception cref="InvalidDataException">A wrong header or a bad row, a seed listed twice in seeds.csv, or a curve of a seed seeds.csv lacks (the message names the file and line).</exception>
    public static ReferenceRuns Load(string nameOrFolder)
    {
        string full = Resolve(nameOrFolder);
        string evaluationsPath = Path.Combine(full, EvaluationsFile);
        string seedsPath = Path.Combine(full, SeedsFile);
        IReadOnlyList<ReferenceEvaluation> evaluations = ReferenceCsv.Read(evaluationsPath, s_evaluationColumns, row => new ReferenceEvaluation(
            row.Count("seed"), row.Count("env_steps"), row.Count("expert_steps"), row.Rate("success"), row.Amount("mean_episode_length")));
        IReadOnlyList<ReferenceSeed> seeds = ReferenceCsv.Read(seedsPath, s_seedColumns, row => new ReferenceSeed(
            row.Count("seed"), row.Count("last_expert_steps"), row.Rate("last_success"), row.Count("best_expert_steps"), row.Rate("best_success"),
            row.Count("first_success_expert_steps"), row.Count("human_buffer_at_end")));
        if (seeds.GroupBy(s => s.Seed).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"'{seedsPath}' lists seed {twice.Key} twice.");
        }

        if (evaluations.FirstOrDefault(e => seeds.All(s => s.Seed != e.Seed)) is { } orphan)
        {
            throw new InvalidDataException($"'{evaluationsPath}' has evaluations of seed {orphan.Seed}, which '{seedsPath}' does not list.");
        }

        return new ReferenceRuns(
            full,
            evaluations.OrderBy(e => e.Seed).ThenBy(e => e.ExpertSteps).ToArray(),
            seeds.OrderBy(s => s.Seed).ToArray());
    }

    /// <summary>The evaluations of <paramref name="seed"/>, ordered by expert steps (empty when its curve was not recorded).</summary>
    public IReadOnlyList<ReferenceEvaluation> Curve(int seed) => Evaluations.Where(e => e.Seed == seed).ToArray();

    private static string Resolve(string nameOrFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrFolder);
        if (Directory.Exists(nameOrFolder))
        {
            return Path.GetFullPath(nameOrFolder);
        }

        string? root = RepositoryFolder.FindUpwards(ReferenceFolder);

        // Only a bare name is looked up there: a missing folder given as a path must not be found elsewhere by its last part.
        if (root is not null && Sweeps.SweepConfig.IsFolderName(nameOrFolder) && Directory.Exists(Path.Combine(root, nameOrFolder)))
        {
            return Path.Combine(root, nameOrFolder);
        }

        string known = root is null ? "none found" : string.Join(", ", Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        throw new DirectoryNotFoundException(
            $"No reference folder '{Path.GetFullPath(nameOrFolder)}' (a folder, relative to the working directory, or a name under {ReferenceFolder}/). References: {known}.");
    }
}
