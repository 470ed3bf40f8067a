using Aim.Core.Random;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// PVP-DQN (discrete actions): a reward-free Q-network whose greedy action is the policy. Each step minimises
/// Huber TD (reward 0) on all samples plus the proxy-value term on intervention samples, on balanced batches, with
/// gradient-norm clipping and a Polyak target.
/// </summary>
public sealed class PvpDqnLearner : IPolicyLearner, IActor
{
    private static readonly string[] s_metricNames = { PvpMethod.QLossMetric, PvpMethod.QHumanMetric, PvpMethod.QNoviceMetric };

    private readonly ObservationSpec _observation;
    private readonly PvpValueOptions _options;
    private readonly FeatureNetwork _q;
    private readonly FeatureNetwork _target;
    private readonly Adam _optimizer;
    private readonly BalancedSampler _sampler;
    private double _lastLoss = double.NaN;
    private double _lastQHuman = double.NaN;
    private double _lastQNovice = double.NaN;

    /// <summary>Builds Q and its target (seed TorchSharp first for reproducible weights).</summary>
    /// <exception cref="ArgumentException">The actions are continuous (use <see cref="PvpTd3Learner"/>).</exception>
    public PvpDqnLearner(ObservationSpec observation, ActionSpec action, PvpValueOptions options, Rng rng)
    {
        _observation = observation ?? throw new ArgumentNullException(nameof(observation));
        ArgumentNullException.ThrowIfNull(action);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(rng);
        if (!action.IsDiscrete)
        {
            throw new ArgumentException($"PVP-DQN needs discrete actions, got {action}.", nameof(action));
        }

        NetworkOptions network = options.Network ?? BcPolicyLearner.DefaultNetwork(observation);
        _q = new FeatureNetwork(observation, 0, action.Count, network);
        _target = new FeatureNetwork(observation, 0, action.Count, network);
        TargetNetworks.Copy(_q, _target);
        _optimizer = optim.Adam(_q.parameters(), lr: options.LearningRate);
        _sampler = new BalancedSampler(options.BatchSize, observation.Size, action.Dimension, rng.Split());
    }

    /// <inheritdoc />
    public IActor Actor => this;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => s_metricNames;

    /// <summary>The Q-network.</summary>
    public FeatureNetwork Network => _q;

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observations, int count, Span<float> actions)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor input = tensor(observations[..(count * _observation.Size)].ToArray(), new long[] { count, _observation.Size });
        _q.Forward(input).argmax(1).to_type(ScalarType.Float32).data<float>().CopyTo(actions[..count]);
    }

    /// <inheritdoc />
    public void Initialize(TrainingContext context) => Train(context, _options.InitialSteps);

    /// <inheritdoc />
    public void Update(TrainingContext context) => Train(context, _options.StepsPerUpdate);

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[PvpMethod.QLossMetric] = _lastLoss;
        metrics[PvpMethod.QHumanMetric] = _lastQHuman;
        metrics[PvpMethod.QNoviceMetric] = _lastQNovice;
    }

    /// <inheritdoc />
    public void Save(string directory) => _q.save(Path.Combine(Directory.CreateDirectory(directory).FullName, "q.dat"));

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _q.Dispose();
        _target.Dispose();
    }

    private void Train(TrainingContext context, int steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (int i = 0; i < steps; i++)
        {
            Step(context);
        }
    }

    private void Step(TrainingContext context)
    {
        var batch = _sampler.Sample(context);
        int n = batch.Size;
        using var scope = NewDisposeScope();
        Tensor obs = tensor(batch.Observations, new long[] { n, _observation.Size });
        Tensor behaviour = tensor(batch.BehaviourActions, new long[] { n, 1 }).to_type(ScalarType.Int64);
        Tensor novice = tensor(batch.NoviceActions, new long[] { n, 1 }).to_type(ScalarType.Int64);
        Tensor next = tensor(batch.NextObservations, new long[] { n, _observation.Size });
        Tensor terminated = tensor(batch.Terminated, new long[] { n });
        Tensor intervention = tensor(batch.Interventions, new long[] { n });

        Tensor all = _q.Forward(obs);
        Tensor qHuman = all.gather(1, behaviour).squeeze(1);
        Tensor qNovice = all.gather(1, novice).squeeze(1);
        Tensor target;
        using (no_grad())
        {
            target = PvpLoss.TdTarget(_target.Forward(next).max(1).values, terminated, _options.Gamma);
        }

        // Huber TD on every sample + proxy values where the expert intervened (novice term where the actions differ).
        Tensor noOverlap = behaviour.ne(novice).squeeze(1).to_type(ScalarType.Float32);
        Tensor loss = PvpLoss.HuberTd(qHuman, target) + PvpLoss.Proxy(qHuman, qNovice, intervention, noOverlap);
        _optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(_q.parameters(), _options.GradientClip);
        _optimizer.step();
        TargetNetworks.SoftUpdate(_q, _target, _options.Tau);
        _lastLoss = loss.item<float>();
        _lastQHuman = qHuman.mean().item<float>();
        _lastQNovice = qNovice.mean().item<float>();
    }
}
