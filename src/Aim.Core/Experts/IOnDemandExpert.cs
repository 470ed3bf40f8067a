namespace Aim.Core.Experts;

/// <summary>
/// Marks an expert that is asked only at the steps it controls: a person at the keyboard, whose attention is the cost
/// being measured. A simulated expert is asked on every step (its action feeds the discrepancy and miss metrics); a
/// person is not asked while the robot drives, so those metrics are left out for robot-controlled steps, and the
/// harness decides who acts before it asks (see <c>InteractiveTrainer</c>).
/// </summary>
public interface IOnDemandExpert
{
}
