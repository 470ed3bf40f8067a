#:project ../src/Aim.Experiments/Aim.Experiments.csproj

// AIM's hand-back threshold ε on the driving task, on training and on held-out data (docs/driving.md, "Labels").
//   dotnet run scripts/driving-epsilon.cs [--seeds 2]
// For each label the expert can give (its executed sample or its mean), behaviour cloning fits the 2,000 warm-up steps
// of a driving run (the AIM preset's learner); then:
// - ε (train): the mean squared discrepancy between π_r and the stored labels, what AIM's ε is;
// - the same discrepancy on 2,000 held-out expert steps (other episodes, another noise stream), against the sample and
//   against the mean;
// - how often the expert's own sample is farther than ε from its mean: how often a perfect policy would still
//   "disagree" and keep the expert in control (the noise floor of the +1 mask and the hand-back).
using System.Globalization;
using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using Aim.Experiments.Running;
using Aim.Learning.Training;

int seeds = args.Length == 2 && args[0] == "--seeds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
const int HeldOutSteps = 2_000;
Console.WriteLine("| label | seed | ε (train) | discrepancy, held out, vs sample | discrepancy, held out, vs mean | expert samples beyond ε of their mean |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (ExpertLabel label in new[] { ExpertLabel.Sampled, ExpertLabel.Mean })
{
    for (int seed = 0; seed < seeds; seed++)
    {
        var options = new TrainerOptions { Seed = seed, TotalEnvSteps = 2_000, WarmUpSteps = 2_000, ExpertLabel = label, LogSteps = false };
        using var trainer = (InteractiveTrainer<float[], float[]>)Experiment.Create("driving", "aim", options);
        trainer.WarmUp();
        var human = trainer.Context.Human;
        int size = trainer.Context.Observation.Size;

        // Training data: the stored labels.
        var batch = new Aim.Learning.Data.Batch(human.Count, size, 2);
        human.Gather([.. Enumerable.Range(0, human.Count).Select(human.SlotOf)], batch);
        double epsilon = Discrepancy(trainer.Method.Actor, batch.Observations, batch.BehaviourActions, human.Count);

        // Held-out data: the expert drives other episodes of the training maps with another noise stream.
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Train });
        var expert = new DrivingExpert(env, new Rng(10_000 + seed));
        var obs = new float[HeldOutSteps * size];
        var samples = new float[HeldOutSteps * 2];
        var means = new float[HeldOutSteps * 2];
        var std = new float[2];
        float[] o = env.Reset(10_000 + seed).Observation;
        int beyond = 0;
        for (int t = 0; t < HeldOutSteps; t++)
        {
            o.CopyTo(obs, t * size);
            float[] a = expert.Act(o);
            expert.Distribution(o, means.AsSpan(t * 2, 2), std);
            a.CopyTo(samples, t * 2);
            double d = (Math.Pow(a[0] - means[t * 2], 2) + Math.Pow(a[1] - means[(t * 2) + 1], 2)) / 2;
            beyond += d > epsilon ? 1 : 0;
            var step = env.Step(a);
            o = step.Done ? env.Reset().Observation : step.Observation;
        }

        double vsSample = Discrepancy(trainer.Method.Actor, obs, samples, HeldOutSteps);
        double vsMean = Discrepancy(trainer.Method.Actor, obs, means, HeldOutSteps);
        Console.WriteLine(FormattableString.Invariant($"| {label} | {seed} | {epsilon:F4} | {vsSample:F4} | {vsMean:F4} | {beyond / (double)HeldOutSteps:F3} |"));
    }
}

return 0;

static double Discrepancy(Aim.Learning.Learners.IActor actor, float[] observations, float[] labels, int count)
{
    var actions = new float[count * 2];
    actor.Act(observations.AsSpan(0, count * (observations.Length / count)), count, actions);
    double sum = 0;
    for (int i = 0; i < count * 2; i++)
    {
        double d = actions[i] - Math.Clamp(labels[i], -1f, 1f);
        sum += d * d;
    }

    return sum / (count * 2);
}
