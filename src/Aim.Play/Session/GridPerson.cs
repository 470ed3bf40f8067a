using Aim.Core.Experts;

namespace Aim.Play.Session;

/// <summary>
/// The person as the grid's expert: asked only when in control (<see cref="IOnDemandExpert"/>), answers with the key
/// they press on the page. Blocks the training thread until then, so the robot waits for the person, never the reverse.
/// </summary>
internal sealed class GridPerson : IExpert<byte[], int>, IOnDemandExpert
{
    private readonly PersonInput _input;
    private readonly Action _awaiting;

    /// <param name="input">Where the page's keys arrive.</param>
    /// <param name="awaiting">Called on the training thread just before waiting (the page is told it is the person's turn).</param>
    public GridPerson(PersonInput input, Action awaiting)
    {
        _input = input;
        _awaiting = awaiting;
    }

    /// <summary>The last action the person gave (null before the first).</summary>
    public int? LastAction { get; private set; }

    /// <inheritdoc />
    public int Act(byte[] observation)
    {
        int action = _input.WaitForGridAction(_awaiting);
        LastAction = action;
        return action;
    }
}
