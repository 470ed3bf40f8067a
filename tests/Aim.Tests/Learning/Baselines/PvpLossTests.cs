using Aim.Learning.Algorithms.Pvp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning.Baselines;

public class PvpLossTests
{
    [Fact]
    public void ProxyTermIsMaskedPerSampleBeforeAveraging()
    {
        using var scope = NewDisposeScope();
        // Sample 0: intervention, actions differ: (0.5 − 1)² = 0.25 and (0 + 1)² = 1.
        // Sample 1: intervention, same action: (1 − 1)² = 0; novice term masked by no-overlap.
        // Sample 2: agent sample: both terms masked, however wrong its values are.
        Tensor qHuman = tensor(new float[] { 0.5f, 1f, -5f });
        Tensor qNovice = tensor(new float[] { 0f, 3f, 5f });
        Tensor intervention = tensor(new float[] { 1, 1, 0 });
        Tensor noOverlap = tensor(new float[] { 1, 0, 1 });
        double loss = PvpLoss.Proxy(qHuman, qNovice, intervention, noOverlap).item<float>();
        Assert.Equal((0.25 + 0 + 0) / 3 + (1.0 + 0 + 0) / 3, loss, 6);

        // PVP-TD3's bug (mean first, then mask) would have given a different value: the agent sample would count.
        double buggy = ((qHuman - 1).square().mean() * intervention).mean().item<float>();
        Assert.NotEqual((0.25 + 0 + 0) / 3, buggy, 3);
    }

    [Fact]
    public void TdTermsAreRewardFreeAndTd3SkipsTakeoverStarts()
    {
        using var scope = NewDisposeScope();
        Tensor next = tensor(new float[] { 1f, 1f });
        Tensor terminated = tensor(new float[] { 0, 1 });
        float[] y = PvpLoss.TdTarget(next, terminated, gamma: 0.9).data<float>().ToArray();
        Assert.Equal(0.9f, y[0], 6);
        Assert.Equal(0f, y[1]);

        Tensor q = tensor(new float[] { 0.9f, 2f });
        Tensor target = tensor(new float[] { 0.9f, 0f });
        Tensor keep = tensor(new float[] { 1, 0 });
        Assert.Equal(0.0, PvpLoss.MaskedTd(q, target, keep).item<float>(), 6);
        // Huber: |2 − 0| > 1 → 2 − 0.5 = 1.5 on sample 1, 0 on sample 0, mean 0.75.
        Assert.Equal(0.75, PvpLoss.HuberTd(q, target).item<float>(), 6);
    }
}
