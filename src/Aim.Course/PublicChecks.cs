using System.Globalization;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using static TorchSharp.torch;

namespace Aim.Course;

/// <summary>
/// The public tests: each exercise's methods against the library's on hand-made and seeded random inputs. A stub
/// fails with the exercise's own "not done yet"; a wrong answer names the call, what came back and what was expected.
/// </summary>
public static class PublicChecks
{
    private const double Tolerance = 1e-6;

    /// <summary>Runs the public tests of every exercise against <paramref name="student"/>.</summary>
    public static IReadOnlyList<ExerciseResult> Run(StudentCode student)
    {
        ArgumentNullException.ThrowIfNull(student);
        return
        [
            Check("beta", () => Beta(student)),
            Check("gate", () => Gate(student)),
            Check("aim-loss", () => AimLossTerms(student)),
            Check("td-target", () => TdTarget(student)),
            Check("thrifty-thresholds", () => ThriftyThresholds(student)),
            Check("loop", () => LoopRun.Check(student.Method<Action<ISharedControl>>("SharedControlLoop", "Step"))),
        ];
    }

    private static ExerciseResult Check(string id, Func<string> test)
    {
        CourseExercise exercise = CourseExercises.Get(id);
        try
        {
            using TorchSharp.DisposeScope scope = NewDisposeScope();
            return new ExerciseResult(id, exercise.Title, Passed: true, test());
        }
        catch (NotImplementedException e)
        {
            return new ExerciseResult(id, exercise.Title, Passed: false, e.Message);
        }
        catch (Exception e) when (e is CheckFailedException or MissingMethodException)
        {
            return new ExerciseResult(id, exercise.Title, Passed: false, e.Message);
        }
        catch (Exception e)
        {
            return new ExerciseResult(id, exercise.Title, Passed: false, $"threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Beta(StudentCode student)
    {
        var betaOf = student.Method<Func<IReadOnlyCollection<double>, double, double>>("AimGate", "BetaOf");
        double[] ladder = Enumerable.Range(1, 11).Select(i => (double)i).ToArray();
        Same(betaOf(ladder, 0.2), 9, "BetaOf([1 … 11], δ = 0.2)");
        Same(betaOf([0, 1], 0.25), 0.75, "BetaOf([0, 1], δ = 0.25)");
        var random = new Random(1);
        foreach (double delta in new[] { 0.05, 0.1, 0.3 })
        {
            double[] q = Enumerable.Range(0, 57).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
            Same(betaOf(q, delta), AimGate.BetaOf(q, delta), $"BetaOf(57 seeded values, δ = {delta})");
        }

        return "β matches the library on 5 samples";
    }

    private static string Gate(StudentCode student)
    {
        var asks = student.Method<Func<double, double, bool>>("AimGate", "AsksForHelp");
        var handsBack = student.Method<Func<double, double, bool>>("AimGate", "HandsBack");
        (double, double)[] asked = [(0.5, 0.2), (0.2, 0.2), (-1, 0), (0.30001, 0.3), (-0.5, -0.6)];
        foreach ((double q, double beta) in asked)
        {
            Same(asks(q, beta), AimGate.AsksForHelp(q, beta), $"AsksForHelp(Q = {q}, β = {beta})");
        }

        (double, double)[] back = [(0, 0), (1, 0), (0.2, 0.2), (0.3, 0.2), (0.1, 0.5)];
        foreach ((double d, double epsilon) in back)
        {
            Same(handsBack(d, epsilon), AimGate.HandsBack(d, epsilon), $"HandsBack(discrepancy = {d}, ε = {epsilon})");
        }

        return "10 decisions match, the boundaries included";
    }

    private static string AimLossTerms(StudentCode student)
    {
        var regression = student.Method<Func<Tensor, Tensor, Tensor, Tensor>>("AimLoss", "Regression");
        var positive = student.Method<Func<Tensor, Tensor, Tensor>>("AimLoss", "PositiveTerm");
        var random = new Random(2);
        Tensor qExpert = Seeded(random, 64, -2, 2);
        Tensor qRobot = Seeded(random, 64, -2, 2);
        Tensor deviates = Seeded(random, 64, 0, 1).GreaterThan(0.5).to_type(ScalarType.Float32);
        Same(positive(qRobot, deviates), AimLoss.PositiveTerm(qRobot, deviates), "PositiveTerm(64 seeded Q, mask)");
        Same(regression(qExpert, qRobot, deviates), AimLoss.Regression(qExpert, qRobot, deviates), "Regression(64 seeded Q_h, Q_r, mask)");
        Tensor none = zeros(64);
        Same(regression(qExpert, qRobot, none), AimLoss.Regression(qExpert, qRobot, none), "Regression with no deviating sample");
        return "J_AIM and its masked +1 term match the library";
    }

    private static string TdTarget(StudentCode student)
    {
        var target = student.Method<Func<Tensor, Tensor, double, double, Tensor>>("AimLoss", "TdTarget");
        var random = new Random(3);
        Tensor next = Seeded(random, 32, -1, 1);
        Tensor done = Seeded(random, 32, 0, 1).GreaterThan(0.7).to_type(ScalarType.Float32);
        foreach ((double gamma, double reward) in new[] { (0.99, 0.0), (0.9, 1.0), (0.5, -1.0) })
        {
            Same(target(next, done, gamma, reward), AimLoss.TdTarget(next, done, gamma, reward), $"TdTarget(32 seeded V̂, done, γ = {gamma}, r = {reward})");
        }

        return "y matches the library, terminal states included";
    }

    private static string ThriftyThresholds(StudentCode student)
    {
        var novelty = student.Method<Func<IReadOnlyCollection<double>, double, double>>("ThriftyGate", "NoveltyThresholdOf");
        var risk = student.Method<Func<IReadOnlyCollection<double>, double, double>>("ThriftyGate", "RiskThresholdOf");
        var random = new Random(4);
        foreach (double alpha in new[] { 0.1, 0.25 })
        {
            double[] novelties = Enumerable.Range(0, 41).Select(_ => random.NextDouble()).ToArray();
            double[] risks = Enumerable.Range(0, 41).Select(_ => random.NextDouble()).ToArray();
            Same(novelty(novelties, alpha), ThriftyGate.NoveltyThresholdOf(novelties, alpha), $"NoveltyThresholdOf(41 seeded novelties, α = {alpha})");
            Same(risk(risks, alpha), ThriftyGate.RiskThresholdOf(risks, alpha), $"RiskThresholdOf(41 seeded Q_risk, α = {alpha})");
        }

        return "β_H and ε_H match the library for α = 0.1 and 0.25";
    }

    private static Tensor Seeded(Random random, int count, double low, double high) =>
        tensor(Enumerable.Range(0, count).Select(_ => (float)(low + (random.NextDouble() * (high - low)))).ToArray());

    private static void Same(double actual, double expected, string call)
    {
        if (!(Math.Abs(actual - expected) <= Tolerance))
        {
            throw new CheckFailedException(string.Create(CultureInfo.InvariantCulture, $"{call} returned {actual:G6}, expected {expected:G6}"));
        }
    }

    private static void Same(bool actual, bool expected, string call)
    {
        if (actual != expected)
        {
            throw new CheckFailedException($"{call} returned {actual}, expected {expected}");
        }
    }

    private static void Same(Tensor actual, Tensor expected, string call)
    {
        if (!actual.shape.SequenceEqual(expected.shape))
        {
            throw new CheckFailedException($"{call} has shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        }

        float[] a = actual.detach().to_type(ScalarType.Float32).data<float>().ToArray();
        float[] e = expected.detach().to_type(ScalarType.Float32).data<float>().ToArray();
        int wrong = Enumerable.Range(0, a.Length).FirstOrDefault(i => !(Math.Abs(a[i] - e[i]) <= 1e-5 * Math.Max(1, Math.Abs(e[i]))), -1);
        if (wrong >= 0)
        {
            throw new CheckFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{call}: element {wrong} is {a[wrong]:G6}, expected {e[wrong]:G6}"));
        }
    }

}
