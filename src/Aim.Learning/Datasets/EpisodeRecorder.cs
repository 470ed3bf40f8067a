using Aim.Learning.Data;
using Aim.Learning.Training;

namespace Aim.Learning.Datasets;

/// <summary>
/// Collects a run's episodes step by step, with the environment's own observations and executed actions, and hands
/// each finished one to a <see cref="MinariWriter"/>. The trainer drives it (<c>TrainerOptions.SaveData</c>).
/// </summary>
/// <typeparam name="TObs">Observation type: <c>byte[]</c> (stored as uint8) or <c>float[]</c> (float32).</typeparam>
/// <typeparam name="TAct">Action type: <c>int</c> (stored as int64) or <c>float[]</c> (float32).</typeparam>
public sealed class EpisodeRecorder<TObs, TAct>
{
    private readonly MinariWriter _writer;
    private readonly string _expertName;
    private readonly bool _discrete;
    private readonly List<byte> _byteObservations = new();
    private readonly List<float> _floatObservations = new();
    private readonly List<double> _actions = new();
    private readonly List<double> _robotActions = new();
    private readonly List<double> _expertActions = new();
    private readonly List<double> _rewards = new();
    private readonly List<bool> _terminations = new();
    private readonly List<bool> _truncations = new();
    private readonly List<string> _controllers = new();
    private readonly List<string> _reasons = new();
    private readonly List<double> _scores = new();
    private readonly List<double> _thresholds = new();
    private readonly List<bool> _warmUp = new();
    private readonly List<bool> _asked = new();
    private readonly List<bool> _successes = new();
    private long? _seed;
    private bool _open;

    /// <summary>Creates the recorder.</summary>
    /// <param name="writer">Where finished episodes go.</param>
    /// <param name="person">True when the expert is a person at the play page (controller <c>person</c>), false for a simulated one.</param>
    public EpisodeRecorder(MinariWriter writer, bool person)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _expertName = person ? MinariInfoKeys.Person : MinariInfoKeys.Expert;
        _discrete = typeof(TAct) == typeof(int);
    }

    /// <summary>The writer the episodes go to.</summary>
    public MinariWriter Writer => _writer;

    /// <summary>An episode starts with <paramref name="observation"/>, the reset's.</summary>
    /// <param name="observation">The reset's observation.</param>
    /// <param name="seed">The seed of the reset; null when it continued the environment's stream.</param>
    public void Begin(TObs observation, int? seed)
    {
        ClearEpisode();
        _open = true;
        _seed = seed;
        AddObservation(observation);
        int width = ActionWidth;
        AddInfo(string.Empty, string.Empty, double.NaN, double.NaN, warmUp: false, asked: false, success: false);
        AddMissing(_robotActions, width);
        AddMissing(_expertActions, width);
    }

    /// <summary>One step: what was executed and what followed; the step's details go to the infos.</summary>
    /// <exception cref="InvalidOperationException">No episode was begun.</exception>
    public void Step(TAct executed, TObs next, double reward, bool terminated, bool truncated, in TrainingStep step)
    {
        if (!_open)
        {
            throw new InvalidOperationException("A step was recorded before its episode began.");
        }

        AddAction(_actions, executed);
        AddObservation(next);
        _rewards.Add(reward);
        _terminations.Add(terminated);
        _truncations.Add(truncated);
        string controller = step.Controller == Controller.Expert ? _expertName : MinariInfoKeys.Robot;
        AddInfo(controller, step.Decision.Reason, step.Decision.Score, step.Decision.Threshold, step.IsWarmUp, step.ExpertAsked, step.Success);
        AddEncoded(_robotActions, step.RobotAction, asked: true);
        AddEncoded(_expertActions, step.ExpertAction, step.ExpertAsked);
    }

    /// <summary>The episode ended: it is written.</summary>
    public void End()
    {
        if (_open)
        {
            _writer.Add(Build());
            _open = false;
        }
    }

    /// <summary>
    /// The run or session stops: an episode with steps that has not ended is written with its last step marked
    /// truncated (as Minari's collector closes one); one without steps is dropped.
    /// </summary>
    public void Close()
    {
        if (_open && _rewards.Count > 0)
        {
            _truncations[^1] = !_terminations[^1];
            End();
        }

        _open = false;
    }

    private int ActionWidth => _writer.ActionSpace.Size;

    private MinariEpisode Build()
    {
        MinariSpace observationSpace = _writer.ObservationSpace;
        MinariColumn observations = typeof(TObs) == typeof(byte[])
            ? new MinariColumn(_byteObservations.ToArray(), observationSpace.Shape)
            : new MinariColumn(_floatObservations.ToArray(), observationSpace.Shape);
        var infos = new Dictionary<string, MinariColumn>(StringComparer.Ordinal)
        {
            [MinariInfoKeys.Controller] = new(_controllers.ToArray()),
            [MinariInfoKeys.WarmUp] = new(_warmUp.ToArray()),
            [MinariInfoKeys.GateReason] = new(_reasons.ToArray()),
            [MinariInfoKeys.GateScore] = new(_scores.ToArray()),
            [MinariInfoKeys.GateThreshold] = new(_thresholds.ToArray()),
            [MinariInfoKeys.RobotAction] = ActionColumn(_robotActions),
            [MinariInfoKeys.ExpertAction] = ActionColumn(_expertActions),
            [MinariInfoKeys.ExpertAsked] = new(_asked.ToArray()),
            [MinariInfoKeys.Success] = new(_successes.ToArray()),
        };
        return new MinariEpisode(_writer.Episodes, observations, ActionColumn(_actions), [.. _rewards], [.. _terminations], [.. _truncations], _seed, infos);
    }

    /// <summary>Actions in the space's dtype: int64 indices (−1 where missing) or float32 components (NaN where missing).</summary>
    private MinariColumn ActionColumn(List<double> values) => _discrete
        ? new MinariColumn(values.Select(v => double.IsNaN(v) ? -1L : (long)v).ToArray(), _writer.ActionSpace.Shape)
        : new MinariColumn(values.Select(v => (float)v).ToArray(), _writer.ActionSpace.Shape);

    private void AddObservation(TObs observation)
    {
        switch (observation)
        {
            case byte[] bytes:
                _byteObservations.AddRange(bytes);
                break;
            case float[] floats:
                _floatObservations.AddRange(floats);
                break;
            default:
                throw new NotSupportedException($"Observations of type {typeof(TObs).Name} cannot be recorded: expected byte[] or float[].");
        }
    }

    private static void AddAction(List<double> into, TAct action)
    {
        switch (action)
        {
            case int index:
                into.Add(index);
                break;
            case float[] vector:
                foreach (float v in vector)
                {
                    into.Add(v);
                }

                break;
            default:
                throw new NotSupportedException($"Actions of type {typeof(TAct).Name} cannot be recorded: expected int or float[].");
        }
    }

    private static void AddEncoded(List<double> into, ReadOnlySpan<float> encoded, bool asked)
    {
        foreach (float v in encoded)
        {
            into.Add(asked ? v : double.NaN);
        }
    }

    private static void AddMissing(List<double> into, int width)
    {
        for (int i = 0; i < width; i++)
        {
            into.Add(double.NaN);
        }
    }

    private void AddInfo(string controller, string reason, double score, double threshold, bool warmUp, bool asked, bool success)
    {
        _controllers.Add(controller);
        _reasons.Add(reason);
        _scores.Add(score);
        _thresholds.Add(threshold);
        _warmUp.Add(warmUp);
        _asked.Add(asked);
        _successes.Add(success);
    }

    private void ClearEpisode()
    {
        _byteObservations.Clear();
        _floatObservations.Clear();
        foreach (List<double> list in new[] { _actions, _robotActions, _expertActions, _rewards, _scores, _thresholds })
        {
            list.Clear();
        }

        foreach (List<bool> list in new[] { _terminations, _truncations, _warmUp, _asked, _successes })
        {
            list.Clear();
        }

        _controllers.Clear();
        _reasons.Clear();
    }
}
