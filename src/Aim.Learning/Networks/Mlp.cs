using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Networks;

/// <summary>Activation applied after the last layer of an <see cref="Mlp"/>.</summary>
public enum OutputActivation
{
    /// <summary>None: logits, Q-values.</summary>
    Identity,

    /// <summary>tanh: continuous actions in [−1, 1].</summary>
    Tanh,

    /// <summary>sigmoid: probabilities (Thrifty's risk critic).</summary>
    Sigmoid,
}

/// <summary>
/// A multi-layer perceptron: Linear → activation per hidden width, then a Linear output layer. State-dict keys are
/// <c>layers.{i}.weight</c>/<c>bias</c> as in a PyTorch <c>nn.Sequential</c>, stable across versions.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    // Field name = state-dict key prefix (TorchSharp registers fields by name): keep it stable.
    private readonly Sequential layers;

    /// <summary>Builds the network.</summary>
    /// <param name="input">Input width.</param>
    /// <param name="hidden">Hidden widths, e.g. [256, 256] (AIM/Thrifty policy) or [400, 300] (SB3 TD3 critic).</param>
    /// <param name="output">Output width.</param>
    /// <param name="hiddenTanh">tanh instead of ReLU between hidden layers (the grid Q-head of the AIM code uses tanh).</param>
    /// <param name="outputActivation">Activation after the output layer.</param>
    public Mlp(int input, IReadOnlyList<int> hidden, int output, bool hiddenTanh = false, OutputActivation outputActivation = OutputActivation.Identity)
        : base(nameof(Mlp))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(output);
        ArgumentNullException.ThrowIfNull(hidden);
        InputSize = input;
        OutputSize = output;
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = input;
        foreach (int h in hidden)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(h);
            modules.Add(($"{modules.Count}", nn.Linear(width, h)));
            modules.Add(($"{modules.Count}", hiddenTanh ? nn.Tanh() : nn.ReLU()));
            width = h;
        }

        modules.Add(($"{modules.Count}", nn.Linear(width, output)));
        switch (outputActivation)
        {
            case OutputActivation.Tanh:
                modules.Add(($"{modules.Count}", nn.Tanh()));
                break;
            case OutputActivation.Sigmoid:
                modules.Add(($"{modules.Count}", nn.Sigmoid()));
                break;
        }

        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputSize { get; }

    /// <summary>Output width.</summary>
    public int OutputSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => layers.call(input);
}
