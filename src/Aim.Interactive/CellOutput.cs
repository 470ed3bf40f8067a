namespace Aim.Interactive;

/// <summary>
/// <c>Show(value)</c>, the one way a notebook cell shows a value, so that the same cell text runs in the kernel and in
/// the notebook's file-based twin (<c>notebooks/scripts/NN-topic.cs</c>). Cells import it with
/// <c>using static Aim.Interactive.CellOutput;</c>.
/// </summary>
/// <remarks>
/// Cells end in <c>Show(x);</c> rather than a bare trailing expression <c>x</c>: a bare expression is displayed only by
/// the kernel and does not compile in a C# program, while an explicit call means the twin runs exactly the cell's text.
/// </remarks>
public static class CellOutput
{
    private static ScriptOutput? s_script;

    /// <summary>
    /// Where <see cref="Show"/> writes outside a kernel. Twins set it from their arguments first; until then it is
    /// <c>ScriptOutput.For(NAME, [])</c>, NAME being the entry point's file name without extension.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public static ScriptOutput Script
    {
        get
        {
            ScriptOutput? script = Volatile.Read(ref s_script);
            if (script is null)
            {
                Interlocked.CompareExchange(ref s_script, ScriptOutput.For(EntryPointName(), []), null);
                script = Volatile.Read(ref s_script)!;
            }

            return script;
        }

        set => Volatile.Write(ref s_script, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// Shows <paramref name="value"/>. In a .NET Interactive kernel it is displayed in the cell with the registered
    /// formatters, like <c>display(value)</c> (charts, tables and frames as HTML). Anywhere else it goes to
    /// <see cref="ScriptOutput.Show"/> of <see cref="Script"/>: charts written as HTML pages, frames as PNG images,
    /// everything else printed as text.
    /// </summary>
    /// <param name="value">What to show; <see langword="null"/> shows as <c>&lt;null&gt;</c> outside a kernel.</param>
    public static void Show(object? value)
    {
        if (Notebook.IsInKernel)
        {
            KernelBridge.Display(value);
            return;
        }

        Script.Show(value);
    }

    private static string EntryPointName()
    {
        // A file-based app (dotnet run file.cs) records its source file; other hosts fall back to the process name.
        string? path = AppContext.GetData("EntryPointFilePath") as string;
        return Path.GetFileNameWithoutExtension(path) is { Length: > 0 } name ? name : AppDomain.CurrentDomain.FriendlyName;
    }
}
