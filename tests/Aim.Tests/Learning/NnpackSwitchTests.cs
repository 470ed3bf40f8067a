using Aim.Learning.Torch;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

/// <summary>Toggles a process-wide libtorch switch, so it runs alone (convolution kernels of other tests would change).</summary>
[Collection(SerialRuns.Name)]
public class NnpackSwitchTests
{
    [Fact]
    public void TheSwitchIsReachedAndNnpackIsOnlyOnWhereItCanRunAndPathsAreNotPinned()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        TorchRuntime.Initialize();
        // Pinning switches NNPACK off everywhere (its kernels follow the CPU); the native path only where it cannot run.
        Assert.Equal(NnpackSwitch.Available && !NumericPins.Pinned, NnpackSwitch.Enabled);
        bool original = NnpackSwitch.Enabled;
        try
        {
            NnpackSwitch.Enabled = !original;
            Assert.Equal(!original, NnpackSwitch.Enabled);
        }
        finally
        {
            NnpackSwitch.Enabled = original;
        }

        Assert.False(NnpackSwitch.Available && NnpackSwitch.DisableWhereUnavailable());
        Assert.Equal(!NumericPins.TurnsOneDnnOff, OneDnnSwitch.Enabled);
        Assert.Equal(original, NnpackSwitch.Enabled);
    }
}
