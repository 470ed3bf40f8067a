using Aim.Core.Experts;

namespace Aim.Play.Session;

/// <summary>
/// The person as the grid's expert (<see cref="IPersonExpert{TObs, TAct}"/>): asked only when in control, answers with
/// the key they press on the page. Blocks the training thread until then, so the robot waits for the person, never the
/// reverse; the robot's own steps are held for the page's step delay so the person can follow them.
/// </summary>
internal sealed class GridPerson : IPersonExpert<byte[], int>
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
    public bool TryAct(byte[] observation, out int action)
    {
        if (!_input.TryWaitForGridAction(out action, _awaiting))
        {
            return false;
        }

        LastAction = action;
        return true;
    }

    /// <inheritdoc />
    public bool WatchRobotStep() => _input.PaceRobotStep();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The session was stopped (the harness asks through <see cref="TryAct"/>).</exception>
    public int Act(byte[] observation) =>
        TryAct(observation, out int action) ? action : throw new InvalidOperationException("The play session was stopped: the person gives no more actions.");
}
