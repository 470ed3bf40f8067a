using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class TorchSmokeTests
{
    [Fact]
    public void AdamTrainsASmallMlpAndTheLossFalls()
    {
        torch.manual_seed(0);
        using var x = torch.randn(256, 4);
        using var w = torch.tensor(new float[] { 1f, -2f, 0.5f, 3f }).reshape(4, 1);
        using var y = torch.tanh(x.matmul(w));
        using var model = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 1));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        double first = 0, last = 0;
        for (int step = 0; step < 200; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            optimizer.step();
            double value = loss.item<float>();
            if (step == 0)
            {
                first = value;
            }

            last = value;
        }

        Assert.True(last < first * 0.2, $"loss did not fall enough: {first} -> {last}");
    }

    [Fact]
    public void NativeShapeErrorsSurfaceAsExceptions()
    {
        using var a = torch.ones(2, 3);
        using var b = torch.ones(4, 5);
        Assert.ThrowsAny<Exception>(() => a.mm(b));
    }
}
