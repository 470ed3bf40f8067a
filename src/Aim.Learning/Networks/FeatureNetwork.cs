using Aim.Learning.Spec;
using static TorchSharp.torch;

namespace Aim.Learning.Networks;

/// <summary>
/// A network from observations (and, for continuous Q-functions, actions) to outputs: the grid CNN for image
/// observations followed by an MLP head, or an MLP alone for vectors. State-dict keys: <c>features.*</c> (images only)
/// and <c>head.layers.*</c>.
/// </summary>
public sealed class FeatureNetwork : nn.Module<Tensor, Tensor>
{
    // Field names are the state-dict keys (TorchSharp registers fields by name): keep them stable.
    private readonly GridCnn? features;
    private readonly Mlp head;
    private readonly int[] _inputShape;

    /// <summary>Builds the network.</summary>
    /// <param name="observation">Observation spec (rank-3 shapes get the CNN).</param>
    /// <param name="extraInputs">Floats concatenated to the features (the action, for continuous Q-functions).</param>
    /// <param name="outputs">Output width.</param>
    /// <param name="options">Head architecture.</param>
    /// <param name="outputActivation">Activation of the output layer.</param>
    public FeatureNetwork(ObservationSpec observation, int extraInputs, int outputs, NetworkOptions options, OutputActivation outputActivation = OutputActivation.Identity)
        : base(nameof(FeatureNetwork))
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(options);
        _inputShape = observation.Shape.ToArray();
        int featureSize = observation.Size;
        if (observation.IsImage)
        {
            features = new GridCnn(_inputShape[0], _inputShape[1], _inputShape[2]);
            featureSize = features.OutputSize;
        }

        ExtraInputs = extraInputs;
        head = new Mlp(featureSize + extraInputs, options.Hidden, outputs, options.HiddenTanh, outputActivation);
        RegisterComponents();
    }

    /// <summary>Floats expected after the observation in <see cref="Forward(Tensor, Tensor?)"/>.</summary>
    public int ExtraInputs { get; }

    /// <summary>Output width.</summary>
    public int OutputSize => head.OutputSize;

    /// <summary>Runs the network on a batch of flat observations (B × obsSize) and optional extra inputs (B × extra).</summary>
    public Tensor Forward(Tensor observations, Tensor? extra = null)
    {
        Tensor x = features is null ? observations : features.call(observations.view(ShapeWithBatch(observations.shape[0])));
        if (ExtraInputs > 0)
        {
            ArgumentNullException.ThrowIfNull(extra);
            x = cat(new[] { x, extra }, 1);
        }

        return head.call(x);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Forward(input);

    private long[] ShapeWithBatch(long batch) => new[] { batch, _inputShape[0], _inputShape[1], _inputShape[2] };
}
