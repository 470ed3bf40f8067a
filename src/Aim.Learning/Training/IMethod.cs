using Aim.Core.Resume;
using Aim.Learning.Learners;

namespace Aim.Learning.Training;

/// <summary>
/// An interactive imitation-learning method on the shared harness: a robot policy (the actor), a gate that decides
/// who acts, and the learning that updates both. Methods differ in their gate (and PVP in its learner); collection,
/// buffers, accounting, evaluation and logging belong to <see cref="InteractiveTrainer{TObs, TAct}"/>.
/// </summary>
public interface IMethod : IDisposable, IResumable
{
    /// <summary>Short name used in run directories and tables ("aim", "thrifty", …).</summary>
    string Name { get; }

    /// <summary>
    /// True when the robot decides when to ask (AIM, Thrifty, Ensemble): the expert's attention is charged only for
    /// the steps it controls. False for human-gated methods (HG-DAgger, PVP): every step is watched ("wall steps").
    /// </summary>
    bool IsRobotGated { get; }

    /// <summary>
    /// True when the method learns only from the warm-up's demonstrations and never asks for help afterwards
    /// (behaviour cloning): no step after the warm-up reaches the expert. False for every interactive method.
    /// </summary>
    bool LearnsOnlyFromWarmUp { get; }

    /// <summary>The target switch-to-expert rate (AIM's δ, Thrifty's α); NaN when the method has none.</summary>
    double TargetSwitchRate { get; }

    /// <summary>Chooses the robot's actions.</summary>
    IActor Actor { get; }

    /// <summary>Names of the method's own metrics (e.g. <c>gate/beta</c>), fixed for the run so logs have stable columns.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>Fits the policy and the gate to the warm-up data (the human buffer holds it).</summary>
    void Initialize(TrainingContext context);

    /// <summary>
    /// One update of the policy alone while the warm-up is still collecting (<see cref="TrainerOptions.LearningStarts"/>);
    /// the gate is fitted only by <see cref="Initialize"/> at the warm-up's end.
    /// </summary>
    void TrainDuringWarmUp(TrainingContext context);

    /// <summary>Decides who acts on this step.</summary>
    GateDecision Decide(in GateInput input);

    /// <summary>Told after every executed step (e.g. to collect robot-step scores for a quantile threshold).</summary>
    void OnStep(in GateInput input, GateDecision decision);

    /// <summary>Told at the end of every training episode (thresholds are refit here).</summary>
    void OnEpisodeEnd(TrainingContext context);

    /// <summary>One learning update of the policy and the gate from the buffers.</summary>
    void Update(TrainingContext context);

    /// <summary>Writes the current values of <see cref="MetricNames"/>.</summary>
    void ReportMetrics(IDictionary<string, double> metrics);

    /// <summary>
    /// Saves the networks into <paramref name="directory"/> (created if missing), one file per network, each with the
    /// SHA-256 of its weights (<see cref="Torch.CheckpointFile"/>).
    /// </summary>
    void Save(string directory);

    /// <summary>
    /// Loads what <see cref="Save"/> wrote into this method's networks, all files or none: every file is read and
    /// checked (checksum, length, each tensor's name, type and shape) before any network changes, so a failed load
    /// leaves the method exactly as it was. The method must have been built with the same options and specs.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of the checkpoint does not exist (the message names it).</exception>
    /// <exception cref="InvalidDataException">
    /// A file is damaged (truncated, checksum mismatch), was written by an earlier version without a checksum, or does
    /// not fit the network (missing tensor, wrong shape); the message names the file and the problem.
    /// </exception>
    void Load(string directory);
}
