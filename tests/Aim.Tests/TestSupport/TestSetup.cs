using System.Runtime.CompilerServices;
using Aim.Learning.Torch;

namespace Aim.Tests.TestSupport;

internal static class TestSetup
{
    /// <summary>xUnit runs test classes in parallel: one torch thread each keeps libtorch's spin-waiting pool from collapsing.</summary>
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.Initialize(threads: 1);
}
