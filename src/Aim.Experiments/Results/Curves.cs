namespace Aim.Experiments.Results;

/// <summary>Aligns runs' learning curves on a common x grid and aggregates them over seeds.</summary>
public static class Curves
{
    /// <summary>
    /// One <see cref="CurveBand"/> of <paramref name="y"/> against <paramref name="x"/> per series of
    /// <paramref name="results"/> (pass one task's runs); series where no run logged <paramref name="y"/> are left out.
    /// </summary>
    public static IReadOnlyList<CurveBand> Align(ResultSet results, string x, string y, CurveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var bands = new List<CurveBand>();
        foreach (IGrouping<string, RunRecord> series in results.Runs.GroupBy(r => r.Series))
        {
            var runs = series.Where(r => r.Has(y)).Select(r => (r.Column(x), r.Column(y))).ToArray();
            if (runs.Length > 0)
            {
                bands.Add(Align(series.Key, runs, options));
            }
        }

        return bands;
    }

    /// <summary>Aligns explicit runs (x ascending, y, one pair of arrays per run) into one band.</summary>
    public static CurveBand Align(string series, IReadOnlyList<(double[] X, double[] Y)> runs, CurveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= new CurveOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Points, 2);
        var clean = runs.Select(Clean).Where(r => r.X.Length > 0).ToArray();
        if (clean.Length == 0)
        {
            return new CurveBand(series, [], [], [], [], [], []);
        }

        double start = clean.Min(r => r.X[0]);
        double end = clean.Max(r => r.X[^1]);
        int points = end > start ? options.Points : 1;
        var grid = new double[points];
        for (int i = 0; i < points; i++)
        {
            grid[i] = points == 1 ? start : start + ((end - start) * i / (points - 1));
        }

        var mean = new double[points];
        var std = new double[points];
        var lower = new double[points];
        var upper = new double[points];
        var count = new int[points];
        for (int i = 0; i < points; i++)
        {
            SeedStat stat = SeedStat.Of(clean.Select(r => ValueAt(r.X, r.Y, grid[i], options)));
            double half = options.Band == BandKind.Std ? stat.Std : stat.Ci95;
            mean[i] = stat.Mean;
            std[i] = stat.Std;
            lower[i] = double.IsFinite(half) ? stat.Mean - half : stat.Mean;
            upper[i] = double.IsFinite(half) ? stat.Mean + half : stat.Mean;
            count[i] = stat.Count;
        }

        return new CurveBand(series, grid, mean, std, lower, upper, count);
    }

    /// <summary>The value of one run at <paramref name="x"/> (NaN outside its range unless <see cref="CurveOptions.HoldLast"/>).</summary>
    public static double ValueAt(double[] xs, double[] ys, double x, CurveOptions options)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(options);
        if (xs.Length == 0 || x < xs[0])
        {
            return double.NaN;
        }

        if (x >= xs[^1])
        {
            return x == xs[^1] || options.HoldLast ? ys[^1] : double.NaN;
        }

        // Last index with xs[i] <= x (several evaluations may share an x: the latest wins).
        int hi = Array.FindIndex(xs, v => v > x);
        int i = hi - 1;
        if (options.Interpolation == CurveInterpolation.StepHold || xs[hi] == xs[i])
        {
            return ys[i];
        }

        double t = (x - xs[i]) / (xs[hi] - xs[i]);
        return ys[i] + (t * (ys[hi] - ys[i]));
    }

    private static (double[] X, double[] Y) Clean((double[] X, double[] Y) run)
    {
        var pairs = run.X.Zip(run.Y).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        return (pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray());
    }
}
