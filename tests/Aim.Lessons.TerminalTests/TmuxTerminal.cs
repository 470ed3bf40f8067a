using System.Diagnostics;

namespace Aim.Lessons.TerminalTests;

/// <summary>
/// A command running in a terminal of its own: a private tmux server (its own socket, so no other tmux session is
/// touched) with one wide window, a screen the test reads and a keyboard it types on.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private readonly string _socket = "aim-lesson-" + Guid.NewGuid().ToString("N")[..12];

    private TmuxTerminal()
    {
    }

    /// <summary>
    /// Starts <paramref name="command"/> (a shell command line) in <paramref name="workingDirectory"/>. When it ends the
    /// window stays, showing <c>exited with N</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">tmux is not installed or could not start.</exception>
    public static TmuxTerminal Start(string command, string workingDirectory)
    {
        var terminal = new TmuxTerminal();
        terminal.Tmux(
            "-f", "/dev/null", "start-server", ";",
            "set-option", "-g", "history-limit", "20000", ";",
            "new-session", "-d", "-s", "lesson", "-x", "220", "-y", "50", "-c", workingDirectory,
            $"{command}; echo \"exited with $?\"; sleep 600");
        return terminal;
    }

    /// <summary>Everything the terminal has shown so far (scroll-back included), wrapped lines joined.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "lesson");

    /// <summary>Types <paramref name="text"/> and presses Enter.</summary>
    public void TypeLine(string text)
    {
        if (text.Length > 0)
        {
            Tmux("send-keys", "-t", "lesson", "-l", text);
        }

        Tmux("send-keys", "-t", "lesson", "Enter");
    }

    /// <summary>Waits until the screen contains <paramref name="text"/> and returns the screen.</summary>
    /// <exception cref="TimeoutException">It did not appear within <paramref name="timeout"/>; the message holds the screen.</exception>
    public string WaitFor(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string screen = Screen();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"'{text}' did not appear within {timeout.TotalSeconds:0} s; the terminal shows:\n{screen}");
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>Ends the tmux server and the command in it.</summary>
    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["LANG"] = "C.UTF-8";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("tmux is not installed (apt-get install tmux); these tests run a lesson in a terminal.", e);
        }

        using (process)
        {
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
            }

            return output;
        }
    }
}
