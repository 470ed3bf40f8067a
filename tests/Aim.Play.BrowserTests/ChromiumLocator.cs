namespace Aim.Play.BrowserTests;

/// <summary>
/// Finds the system Chromium the browser tests drive. Playwright's own browser download (<c>playwright install</c>) is
/// not used: build machines have no internet access, and Debian's <c>chromium</c> package is what CI installs.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>The environment variable that names a Chromium (or Chrome) executable to use instead of the default.</summary>
    public const string EnvironmentVariable = "AIM_CHROMIUM";

    /// <summary>Where Debian and Ubuntu's <c>chromium</c> package puts the browser.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>
    /// The Chromium executable: <c>$AIM_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>, else
    /// <c>chromium-browser</c> or <c>chromium</c> on <c>PATH</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Chromium was found; the message says how to install one.</exception>
    public static string Find()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // An explicit choice that is wrong must fail loudly rather than silently fall back to another browser.
            if (!File.Exists(configured))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable}={configured} does not exist. Point it at a Chromium or Chrome executable, or unset it to use {DebianPath}.");
            }

            return configured;
        }

        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        foreach (string name in new[] { "chromium-browser", "chromium" })
        {
            string? onPath = FindOnPath(name);
            if (onPath is not null)
            {
                return onPath;
            }
        }

        throw new InvalidOperationException(
            $"The browser tests need Chromium and none was found ({EnvironmentVariable} is not set, {DebianPath} does not exist, " +
            "and neither chromium-browser nor chromium is on PATH). Install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
            $"(Debian/Ubuntu), or set {EnvironmentVariable} to a Chromium or Chrome executable.");
    }

    private static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
