using System.Globalization;

namespace Aim.Interactive.Lessons;

/// <summary>
/// How a lesson (a notebook's file-based twin) runs, from its command line:
/// <c>dotnet run notebooks/scripts/NN-topic.cs -- [--step] [--cell N] [--break] [output-folder]</c>.
/// </summary>
/// <param name="Step"><c>--step</c>: pause after each cell until Enter. Default off: the lesson runs straight through.</param>
/// <param name="RunTo"><c>--cell N</c>: run cells up to notebook cell N without pausing, then stop (or, with
/// <c>--step</c> or <c>--break</c>, pause or stop from there on); <see langword="null"/> when not given.</param>
/// <param name="Break"><c>--break</c>: stop in an attached debugger before each cell (<c>.vscode/launch.json</c> passes it).</param>
/// <param name="OutputFolder">Where charts and frames go; <see langword="null"/> for the default
/// <c>artifacts/scripts/NN-topic/</c> (see <see cref="ScriptOutput.For"/>).</param>
public sealed record LessonOptions(bool Step, int? RunTo, bool Break, string? OutputFolder)
{
    /// <summary>The options of a lesson run with no arguments: straight through, default output folder.</summary>
    public static LessonOptions Default { get; } = new(Step: false, RunTo: null, Break: false, OutputFolder: null);

    /// <summary>Reads the options from a lesson's arguments.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <param name="codeCells">The lesson's code cells by notebook number; <c>--cell</c> must name one of them.</param>
    /// <exception cref="ArgumentException">An unknown option, a second folder, or a <c>--cell</c> value that is not
    /// one of <paramref name="codeCells"/>; the message names the value and what was expected.</exception>
    public static LessonOptions Parse(IReadOnlyList<string> args, IReadOnlyList<int> codeCells)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(codeCells);
        LessonOptions options = Default;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--step":
                    options = options with { Step = true };
                    break;
                case "--break":
                    options = options with { Break = true };
                    break;
                case "--cell":
                    string? value = i + 1 < args.Count ? args[++i] : null;
                    options = options with { RunTo = ParseCell(value, codeCells) };
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new ArgumentException($"unknown option {arg}; expected --step, --cell N, --break or an output folder");
                    }

                    if (options.OutputFolder is not null)
                    {
                        throw new ArgumentException($"a second output folder {arg} (the first was {options.OutputFolder}); expected at most one");
                    }

                    options = options with { OutputFolder = arg };
                    break;
            }
        }

        return options;
    }

    private static int ParseCell(string? value, IReadOnlyList<int> codeCells)
    {
        string cells = string.Join(", ", codeCells);
        if (value is null)
        {
            throw new ArgumentException($"--cell needs a cell number; this lesson's code cells are {cells}");
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || !codeCells.Contains(number))
        {
            throw new ArgumentException($"--cell {value} is not a code cell of this lesson; expected one of {cells} (notebook cell numbers, markdown counted)");
        }

        return number;
    }
}
