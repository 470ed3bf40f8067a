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
        // Pinned paths switch NNPACK off everywhere (its kernels follow the CPU); native paths only where it cannot run.
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
        Assert.False(NumericPins.Pinned && OneDnnSwitch.Enabled == true);
        Assert.Equal(original, NnpackSwitch.Enabled);
    }
}
