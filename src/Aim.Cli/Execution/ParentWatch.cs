using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Aim.Cli.Execution;

/// <summary>
/// Ends a child run (<c>aim run --child</c>) as soon as the sweep that started it ends, however it ends. Without this a
/// sweep killed with SIGKILL leaves its children running (re-parented to init); they keep writing their run folders, and
/// a rerun of the sweep finds the folders locked (<see cref="Experiments.Running.RunLock"/>) until they end.
/// </summary>
/// <remarks>
/// Two mechanisms, both armed only when <see cref="ParentVariable"/> is set (by <see cref="ChildProcessLauncher"/>), so a
/// person running <c>--child</c> by hand with standard input on a terminal or /dev/null is not affected:
/// <list type="bullet">
/// <item>The parent keeps the write end of the child's standard input open and never writes to it. The operating system
/// closes it when the parent dies, on every platform; a thread here then reads end-of-file and kills this process.</item>
/// <item>On Linux, <c>prctl(PR_SET_PDEATHSIG, SIGKILL)</c> also has the kernel kill this process when the parent's
/// thread that started it ends, with no thread of ours involved. The parent may have died before the call, so the
/// parent's id is compared afterwards with the one it passed down.</item>
/// </list>
/// </remarks>
internal static class ParentWatch
{
    /// <summary>The environment variable through which a sweep passes its process id to each child it starts.</summary>
    public const string ParentVariable = "AIM_PARENT_PID";

    private const int PrSetPdeathsig = 1;
    private const int Sigkill = 9;

    /// <summary>Arms the watch when this process was started by a sweep (see the remarks); does nothing otherwise.</summary>
    public static void Start()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int parent))
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            DieWithParentOnLinux(parent);
        }

        var watcher = new Thread(WaitForEndOfInput) { IsBackground = true, Name = "parent watch" };
        watcher.Start();
    }

    private static void DieWithParentOnLinux(int parent)
    {
        try
        {
            if (prctl(PrSetPdeathsig, Sigkill, 0, 0, 0) == 0 && getppid() != parent)
            {
                // The parent died before the signal was armed: the kernel will not send it now.
                Die();
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No usable libc (an unusual Linux): the standard-input watch still covers the parent's death.
        }
    }

    private static void WaitForEndOfInput()
    {
        try
        {
            using Stream input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // The parent writes nothing; anything read is ignored, only the end of the pipe counts.
            }
        }
        catch (IOException)
        {
            // A broken pipe is the parent's end too.
        }

        Die();
    }

    /// <summary>
    /// Kills this process at once. An orderly exit would let the training thread write more rows into the run folder
    /// while exit handlers run; the operating system releases the run's lock either way.
    /// </summary>
    private static void Die()
    {
        using Process self = Process.GetCurrentProcess();
        self.Kill();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [DllImport("libc")]
    private static extern int getppid();
}
