using Microsoft.DotNet.Interactive;

namespace Aim.Interactive;

/// <summary>
/// The kernel extension that .NET Interactive loads after <c>#r "nuget: Aim.Interactive, …"</c>.
/// </summary>
/// <remarks>
/// It installs the FSharp.Core redirect, registers the formatters (offline Plotly charts, Deedle frames and series,
/// comparison tables, <see cref="Aim.Core.Envs.RgbFrame"/> images) and loads TorchSharp's native library, so later
/// cells can build modules straight away. See <see cref="Notebook.Initialize"/>.
/// </remarks>
public sealed class AimKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        Notebook.Initialize();
        return Task.CompletedTask;
    }
}
