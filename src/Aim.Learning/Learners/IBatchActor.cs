using Aim.Learning.Spec;
using static TorchSharp.torch;

namespace Aim.Learning.Learners;

/// <summary>
/// An actor that also acts on a batch of states held as a tensor, the form a gate's own learner needs: AIM re-draws
/// π_r(s) at every human-buffer state of a batch and evaluates Q^I(s′, π_r(s′)) in its TD target.
/// </summary>
public interface IBatchActor : IActor
{
    /// <summary>The action spec (the width of <see cref="ActTensor"/>'s rows).</summary>
    ActionSpec Action { get; }

    /// <summary>Deterministic actions for a batch of encoded states: B × 1 indices (as floats) or B × d actions.</summary>
    Tensor ActTensor(Tensor observations);
}
