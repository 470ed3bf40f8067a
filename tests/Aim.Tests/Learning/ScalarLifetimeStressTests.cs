using System.Diagnostics;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Tests.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

/// <summary>
/// TorchSharp frees a <see cref="Scalar"/> in its finalizer even while libtorch still reads it, so an operation with a
/// number operand fails ("Expected false to be true … toFloat") when a collection lands during the native call. Here
/// the project's own losses, targets and soft updates run on small tensors while another thread forces collections and
/// finalizers without pause: an unprotected scalar anywhere on these paths fails within seconds.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class ScalarLifetimeStressTests
{
    // Long enough that every unprotected operation met a collection many times over (seconds on unsafe code), short
    // enough for every test run.
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(20);

    [Fact]
    public void TrainingArithmeticSurvivesCollectionsDuringNativeCalls()
    {
        torch.manual_seed(3);
        var observation = new ObservationSpec(new[] { 3 });
        var action = ActionSpec.Continuous(2);
        using var critic = new RiskCritic(observation, action, new NetworkOptions(new[] { 8 }));
        using var online = nn.Linear(4, 4);
        using var target = nn.Linear(4, 4);
        TargetNetworks.Copy(online, target);

        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Young-generation collections: the scalars die young, and a gen-0 collection is cheap enough to
                // land inside native calls thousands of times a second (full collections mostly stall the loop).
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        long iterations = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < s_duration)
            {
                using var scope = NewDisposeScope();
                Assert.True(float.IsFinite(Iteration(critic).item<float>()), $"non-finite loss after {iterations} iterations");
                TargetNetworks.SoftUpdate(online, target, 0.005);
                critic.PolyakUpdate(0.995);
                iterations++;
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.True(iterations > 100, $"only {iterations} iterations in {s_duration}");
    }

    /// <summary>Every loss and target the learners build, summed so none of them is skipped.</summary>
    private static Tensor Iteration(RiskCritic critic)
    {
        Tensor q = randn(32);
        Tensor next = randn(32);
        Tensor terminated = rand(32).GreaterThan(0.9).to_type(ScalarType.Float32);
        Tensor mask = rand(32).GreaterThan(0.5).to_type(ScalarType.Float32);

        Tensor aim = AimLoss.Regression(q, randn(32), mask)
            .Plus(AimLoss.Td(q, AimLoss.TdTarget(next, terminated, 0.99)).Times(0.1))
            .Plus(AimLoss.RewardLabels(q, randn(32), mask, next, terminated, 0.99));
        Tensor pvp = PvpLoss.Proxy(q, randn(32), mask, mask)
            .Plus(PvpLoss.MaskedTd(q, PvpLoss.TdTarget(next, terminated, 0.99), mask))
            .Plus(PvpLoss.HuberTd(q, PvpLoss.TdTarget(next, terminated, 0.99)));

        Tensor successes = rand(32).GreaterThan(0.95).to_type(ScalarType.Float32);
        Tensor done = RiskCritic.Done(terminated, rand(32).GreaterThan(0.9).to_type(ScalarType.Float32));
        Tensor risk = RiskCritic.Loss(q, randn(32), RiskCritic.TdTarget(successes, done, next, randn(32), 0.99));
        Tensor keep = PvpLoss.Keep(mask);
        Tensor smoothed = PvpLoss.SmoothedActions(randn(32, 2), randn(32, 2).Times(0.2));
        return aim.Plus(pvp).Plus(risk).Plus(keep.mean()).Plus(smoothed.mean());
    }
}
