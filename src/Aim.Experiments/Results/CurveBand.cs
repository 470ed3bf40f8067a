namespace Aim.Experiments.Results;

/// <summary>A metric over a common x grid, aggregated over seeds: mean line and a band.</summary>
/// <param name="Series">The series (method plus variant) it belongs to.</param>
/// <param name="X">Grid points (expert cost or env steps).</param>
/// <param name="Mean">Mean over the runs covering each point (NaN where none does).</param>
/// <param name="Std">Sample standard deviation over those runs (NaN below two).</param>
/// <param name="Lower">Lower edge of the band (mean − std, or − the 95 % half-width; see <see cref="CurveOptions.Band"/>).</param>
/// <param name="Upper">Upper edge of the band.</param>
/// <param name="Count">Runs covering each point.</param>
public sealed record CurveBand(string Series, double[] X, double[] Mean, double[] Std, double[] Lower, double[] Upper, int[] Count);
