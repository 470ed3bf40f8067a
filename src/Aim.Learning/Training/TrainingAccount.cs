using System.Diagnostics;
using Aim.Core.Metrics;
using Aim.Core.Resume;
using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// The run's bookkeeping, apart from the loop that produces it: episodes, switches between robot and expert, the
/// realised switch rate, safety-critical decisions and misses, the current episode's return, and the metrics row of
/// each evaluation. The trainer feeds it every step; it never influences a decision.
/// </summary>
public sealed class TrainingAccount : IResumable
{
    private readonly ISafetyCriticalRule? _safetyCritical;
    private readonly bool _countsRequests;
    private readonly SafetyCriticalRequests _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _clockOffset;
    private long _robotDecisions;
    private long _safetyCriticalSteps;
    private long _misses;
    private long _lastEvalStep;
    private long _lastEvalExpertSteps;
    private long _lastEvalCritical;
    private long _lastEvalMisses;
    private double _episodeReturn;
    private int _episodeLength;
    private int _episodeExpertSteps;
    private double _bestSuccess = double.NegativeInfinity;

    /// <summary>Creates an empty account.</summary>
    /// <param name="safetyCritical">The task's rule on the expert's action, to count misses (null: not counted).</param>
    /// <param name="hasSafetyCriticalState">Whether the environment reports safety-critical states itself.</param>
    public TrainingAccount(ISafetyCriticalRule? safetyCritical, bool hasSafetyCriticalState)
    {
        _safetyCritical = safetyCritical;
        _countsRequests = hasSafetyCriticalState || safetyCritical is not null;
    }

    /// <summary>Training episodes finished.</summary>
    public int Episodes { get; private set; }

    /// <summary>Switches from robot to expert after warm-up.</summary>
    public long SwitchesToHuman { get; private set; }

    /// <summary>Switches from expert back to robot.</summary>
    public long SwitchesToRobot { get; private set; }

    /// <summary>Switches to the expert per robot-controlled gate decision (the realised δ).</summary>
    public double RealisedSwitchRate => _robotDecisions == 0 ? double.NaN : SwitchesToHuman / (double)_robotDecisions;

    /// <summary>The best test success so far (NaN before the first evaluation).</summary>
    public double BestSuccess => double.IsNegativeInfinity(_bestSuccess) ? double.NaN : _bestSuccess;

    /// <summary>Env steps at the last evaluation.</summary>
    public long LastEvaluationStep => _lastEvalStep;

    /// <summary>Wall time of the run so far, including the time before a resume.</summary>
    public TimeSpan Elapsed => _clockOffset + _clock.Elapsed;

    /// <summary>Books one step; returns the finished episode when the step ended one.</summary>
    public EpisodeEnd? Record(in TrainingStep step)
    {
        if (!step.IsWarmUp)
        {
            if (_safetyCritical is not null && step.ExpertAsked && _safetyCritical.IsSafetyCritical(step.ExpertAction))
            {
                _safetyCriticalSteps++;
                if (_safetyCritical.IsMiss(step.RobotAction, step.ExpertAction))
                {
                    _misses++;
                }
            }

            bool expertActs = step.Controller == Controller.Expert;
            if (step.Previous == Controller.Robot)
            {
                _robotDecisions++;
                if (expertActs)
                {
                    SwitchesToHuman++;
                }

                if (step.IsSafetyCritical is bool critical)
                {
                    _requests.Record(critical, expertActs, step.Decision.Score);
                }
            }
            else if (!expertActs || step.Decision.HandsBackAfter)
            {
                SwitchesToRobot++;
            }
        }

        _episodeReturn += step.Reward;
        _episodeLength++;
        if (step.Controller == Controller.Expert)
        {
            _episodeExpertSteps++;
        }

        if (!step.Done)
        {
            return null;
        }

        var end = new EpisodeEnd(Episodes, _episodeLength, _episodeReturn, step.Success, _episodeExpertSteps, step.EnvStep);
        Episodes++;
        _episodeReturn = 0;
        _episodeLength = 0;
        _episodeExpertSteps = 0;
        return end;
    }

    /// <summary>
    /// The metrics row of an evaluation now: the harness's counters, rates since the previous evaluation, the
    /// evaluation's results and the method's own metrics; then marks this moment as the last evaluation.
    /// </summary>
    /// <param name="context">The run's buffers and step counters.</param>
    /// <param name="method">The method (its target rate and metrics).</param>
    /// <param name="result">The evaluation's results.</param>
    /// <param name="wallSteps">Steps the expert watched.</param>
    /// <returns>The point, and whether its success is the best so far.</returns>
    public (EvaluationPoint Point, bool IsBest) Evaluated(TrainingContext context, IMethod method, EvaluationResult result, long wallSteps)
    {
        long envSteps = context.EnvSteps;
        long expertSteps = context.ExpertSteps;
        var metrics = new Dictionary<string, double>
        {
            [MetricNames.EnvSteps] = envSteps,
            [MetricNames.ExpertCost] = expertSteps,
            [MetricNames.WallSteps] = wallSteps,
            [MetricNames.Episodes] = Episodes,
            [MetricNames.TimeSeconds] = Elapsed.TotalSeconds,
            [MetricNames.InterventionRate] = envSteps == 0 ? double.NaN : expertSteps / (double)envSteps,
            [MetricNames.RecentInterventionRate] = envSteps == _lastEvalStep
                ? double.NaN
                : (expertSteps - _lastEvalExpertSteps) / (double)(envSteps - _lastEvalStep),
            [MetricNames.SwitchesToHuman] = SwitchesToHuman,
            [MetricNames.SwitchesToRobot] = SwitchesToRobot,
            [MetricNames.RealisedSwitchRate] = RealisedSwitchRate,
            [MetricNames.TargetSwitchRate] = method.TargetSwitchRate,
            [MetricNames.SafetyCriticalSteps] = _safetyCritical is null ? double.NaN : _safetyCriticalSteps,
            [MetricNames.Misses] = _safetyCritical is null ? double.NaN : _misses,
            [MetricNames.MissRate] = _safetyCritical is null || _safetyCriticalSteps == _lastEvalCritical
                ? double.NaN
                : (_misses - _lastEvalMisses) / (double)(_safetyCriticalSteps - _lastEvalCritical),
            [MetricNames.EvalSuccess] = result.SuccessRate,
            [MetricNames.EvalReturn] = result.MeanReturn,
            [MetricNames.EvalLength] = result.MeanLength,
            [MetricNames.EvalCost] = result.MeanCost,
            [MetricNames.EvalRouteCompletion] = result.MeanRouteCompletion,
        };
        if (_countsRequests)
        {
            _requests.Report(metrics);
        }

        method.ReportMetrics(metrics);
        _lastEvalStep = envSteps;
        _lastEvalExpertSteps = expertSteps;
        _lastEvalCritical = _safetyCriticalSteps;
        _lastEvalMisses = _misses;
        bool isBest = result.SuccessRate > _bestSuccess;
        if (isBest)
        {
            _bestSuccess = result.SuccessRate;
        }

        return (new EvaluationPoint(metrics), isBest);
    }

    /// <inheritdoc />
    /// <remarks>Every counter, the best success, the running episode's sums and the wall time so far.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("training-account");
        writer.Write(Episodes);
        writer.Write(SwitchesToHuman);
        writer.Write(SwitchesToRobot);
        writer.Write(_robotDecisions);
        writer.Write(_safetyCriticalSteps);
        writer.Write(_misses);
        writer.Write(_lastEvalStep);
        writer.Write(_lastEvalExpertSteps);
        writer.Write(_lastEvalCritical);
        writer.Write(_lastEvalMisses);
        writer.Write(_episodeReturn);
        writer.Write(_episodeLength);
        writer.Write(_episodeExpertSteps);
        writer.Write(_bestSuccess);
        writer.Write(Elapsed.Ticks);
        _requests.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("training-account");
        Episodes = reader.ReadInt32();
        SwitchesToHuman = reader.ReadInt64();
        SwitchesToRobot = reader.ReadInt64();
        _robotDecisions = reader.ReadInt64();
        _safetyCriticalSteps = reader.ReadInt64();
        _misses = reader.ReadInt64();
        _lastEvalStep = reader.ReadInt64();
        _lastEvalExpertSteps = reader.ReadInt64();
        _lastEvalCritical = reader.ReadInt64();
        _lastEvalMisses = reader.ReadInt64();
        _episodeReturn = reader.ReadDouble();
        _episodeLength = reader.ReadInt32();
        _episodeExpertSteps = reader.ReadInt32();
        _bestSuccess = reader.ReadDouble();
        _clockOffset = TimeSpan.FromTicks(reader.ReadInt64());
        _clock.Restart();
        _requests.ReadState(reader);
    }
}
