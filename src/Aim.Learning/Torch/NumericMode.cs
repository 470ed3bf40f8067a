namespace Aim.Learning.Torch;

/// <summary>
/// How far <see cref="NumericPins"/> pins libtorch's code paths (<c>AIM_NUMERIC_PATH</c>; docs/reproducibility.md has
/// the measured costs and what was checked).
/// </summary>
public enum NumericMode
{
    /// <summary>
    /// The default. On Intel CPUs: ATen's and oneDNN's AVX2 kernels, NNPACK off, MKL's AVX2 branch. On every other CPU
    /// the <see cref="Portable"/> path (MKL runs its AVX2 branch only on Intel's, its automatic branch changes with the
    /// CPU generation, and oneDNN's AVX2 kernels returned NaN on AMD Zen 5). One seed gives the same bits on every AMD
    /// CPU with AVX2, with or without AVX-512, and on every Intel one; Intel and AMD differ. CPUs without AVX2 and FMA
    /// get ATen's default kernels and MKL's compatible branch.
    /// </summary>
    Pinned,

    /// <summary>
    /// The same bits on every x86-64 CPU with AVX2 and FMA, Intel or AMD: ATen's AVX2 kernels, MKL's compatible branch,
    /// oneDNN and NNPACK off (convolutions unfold their input into one matrix product). About twice the cost of a grid
    /// gradient step.
    /// </summary>
    Portable,

    /// <summary>
    /// Each library takes the CPU's fastest kernels; only MKL's reproducibility mode is on (<c>MKL_CBWR=AUTO</c>), so
    /// runs repeat exactly on one machine and on machines that take the same path.
    /// </summary>
    Native,
}
